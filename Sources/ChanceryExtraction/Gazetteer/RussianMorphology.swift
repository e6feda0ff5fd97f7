/// Russian declension of gazetteer stems: nouns (country and city names, surnames) and adjectives.
///
/// Rules, not lists of forms. A noun stem declines by its ending:
/// - a consonant (`Иран`, `Казахстан`, `Токаев`, `Путин`): `-а -у -ом/-ем -е -ы -ов -ам -ами -ах`,
///   and the surname endings `-ым -ой -ых`; a fleeting `е`/`о` may drop (`Египет` → `Египта`);
/// - `-й` (`Китай`): `-я -ю -ем -е -и`; `-ь` (`Беларусь`, `Израиль`): `-и -ью -я -ю -ем -е`;
/// - `-а` (`Москва`, `Астана`): `-ы -и -е -у -ой -ою -ей`; `-я` (`Россия`, `Корея`): `-и -е -ю -ей -ею`;
/// - `-ы`/`-и` plurals (`Нидерланды`, `Эмираты`): `-ов -ам -ами -ах` and the bare genitive (`Филиппин`);
/// - other vowels, `-и` included (`Токио`, `Баку`, `Душанбе`, `Тбилиси`, `США`): indeclinable.
/// A word shaped like an adjective (`Южная`, `Соединённые`, `Зеленский`) also declines as one.
/// Adjectives: `-ий/-ый/-ой/-ая/-ое/-ие/-ые` plus all case endings (`-ого -ому -им -ом -ой -ую -ими -их`).
/// Comparison ignores case and treats `ё` as `е`.
public enum RussianMorphology {
    /// Whether `token` is a case form of the noun `stem` (`Ирана`, `России`, `Токаевым`).
    public static func isNounForm(_ token: String, of stem: String) -> Bool {
        nounMatches(Scalars.normalize(token)[...], Scalars.normalize(stem)[...])
    }

    /// Whether `token` is a form of the adjective `adjective` given in any form (`казахстанских`
    /// of `казахстанский`).
    public static func isAdjectiveForm(_ token: String, of adjective: String) -> Bool {
        adjectiveMatches(Scalars.normalize(token)[...], Scalars.normalize(adjective)[...])
    }

    /// The form used as the first part of a compound adjective: `казахстанский` → `казахстанско`
    /// (as in `казахстанско-иранские`); `nil` if `adjective` is not adjective-shaped.
    public static func combiningForm(of adjective: String) -> String? {
        let a = Scalars.normalize(adjective)
        guard isAdjectiveShaped(a[...]) else { return nil }
        return Scalars.string(a.dropLast(2) + [0x043E])
    }

    // MARK: - internals on normalised scalars

    static func u(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
    static func set(_ xs: [String]) -> [[UInt32]] { xs.map(u) }

    static let adjectiveEndings = set(["ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему",
                                        "им", "ым", "ом", "ем", "ую", "юю", "ей", "ою", "ею", "ими", "ыми", "их", "ых"])
    static let adjectiveNominative = set(["ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие"])
    static let consonantEndings = set(["а", "у", "ом", "ем", "е", "ы", "и", "ов", "ев", "ам", "ами", "ах", "ям", "ями", "ях",
                                        "ым", "им", "ой", "ою", "ых", "ыми", "ую"])
    static let fleetingEndings = set(["а", "у", "ом", "ем", "е", "ы", "и", "ов", "ам", "ами", "ах"])
    static let yotEndings = set(["я", "ю", "ем", "е", "и", "ев", "ям", "ями", "ях"])
    static let softEndings = set(["я", "ю", "ем", "е", "и", "ью", "ей", "ям", "ями", "ях"])
    static let aEndings = set(["а", "ы", "и", "е", "у", "ой", "ою", "ей", "ею"])
    static let yaEndings = set(["я", "и", "е", "ю", "ей", "ею"])
    static let pluralEndings = set(["", "ы", "и", "ов", "ев", "ам", "ами", "ах", "ям", "ями", "ях", "ей"])

    static let vowels: Set<UInt32> = Set(u("аеёиоуыэюяәөұүі"))

    static func isAdjectiveShaped(_ s: ArraySlice<UInt32>) -> Bool {
        guard s.count >= 5 else { return false }
        let tail = Array(s.suffix(2))
        return adjectiveNominative.contains(tail)
    }

    static func hasEnding(_ token: ArraySlice<UInt32>, base: ArraySlice<UInt32>, in endings: [[UInt32]]) -> Bool {
        guard token.count >= base.count, token.prefix(base.count).elementsEqual(base) else { return false }
        let rest = token.dropFirst(base.count)
        for e in endings where e.count == rest.count && rest.elementsEqual(e) { return true }
        return false
    }

    static func adjectiveMatches(_ token: ArraySlice<UInt32>, _ adjective: ArraySlice<UInt32>) -> Bool {
        guard isAdjectiveShaped(adjective) else { return token.elementsEqual(adjective) }
        return hasEnding(token, base: adjective.dropLast(2), in: adjectiveEndings)
    }

    static func nounMatches(_ token: ArraySlice<UInt32>, _ stem: ArraySlice<UInt32>) -> Bool {
        if token.elementsEqual(stem) { return true }
        guard let last = stem.last, stem.count >= 2, token.count >= stem.count - 1 else { return false }
        if isAdjectiveShaped(stem), hasEnding(token, base: stem.dropLast(2), in: adjectiveEndings) { return true }
        switch last {
        case 0x0439:                                   // й
            return hasEnding(token, base: stem.dropLast(), in: yotEndings)
        case 0x044C:                                   // ь
            return hasEnding(token, base: stem.dropLast(), in: softEndings)
        case 0x0430:                                   // а
            return hasEnding(token, base: stem.dropLast(), in: aEndings)
        case 0x044F:                                   // я
            return hasEnding(token, base: stem.dropLast(), in: yaEndings)
        case 0x044B:                                   // ы (plural names)
            return hasEnding(token, base: stem.dropLast(), in: pluralEndings)
        default:
            if vowels.contains(last) || last == 0x044A { return false }
            guard (0x0430...0x044F).contains(last) || (0x0450...0x04FF).contains(last) else { return false }
            if hasEnding(token, base: stem, in: consonantEndings) { return true }
            // fleeting vowel: Египет → Египта
            if stem.count >= 5 {
                let v = stem[stem.endIndex - 2]
                if v == 0x0435 || v == 0x043E {
                    let base = stem.prefix(stem.count - 2) + [last]
                    return hasEnding(token, base: base[...], in: fleetingEndings)
                }
            }
            return false
        }
    }
}
