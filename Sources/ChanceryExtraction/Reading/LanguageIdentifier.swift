/// Tells Kazakh, Russian and English apart, and says what else a text looks like.
///
/// The script decides first (Cyrillic, Latin, or another). Within Cyrillic, Kazakh is told
/// from Russian by the words that hold a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і) plus common
/// Kazakh words, against Russian function words: the larger side wins, so a Kazakh article
/// with a Russian photo caption is Kazakh and a Russian article quoting a Kazakh word is
/// Russian. Ukrainian, Kyrgyz, Bulgarian, Uzbek (Cyrillic) and Mongolian function words
/// are counted too, and such texts are refused. Within Latin, English function words must
/// outnumber those of German, French, Spanish, Italian, Portuguese, Dutch, Polish, Turkish
/// and Uzbek. A text too short to hold function words is judged by its script alone.
public enum LanguageIdentifier {
    /// The language of the text, or nil when it is none of Kazakh, Russian and English.
    public static func identify(_ text: String) -> Language? {
        analyse(text).language
    }

    /// A short human description of what the identifier saw, e.g. "mostly Latin script,
    /// looks like German" or "Arabic script".
    public static func describe(_ text: String) -> String {
        analyse(text).description
    }

    // MARK: - Word lists

    static let kazakhWords = RKey.set([
        "және", "мен", "пен", "бен", "туралы", "бойынша", "деді", "деп", "жылы", "жылғы", "үшін", "екі",
        "ел", "елдің", "арасындағы", "бұл", "осы", "да", "де", "та", "те", "болды", "болып", "бар", "жоқ",
        "тағы", "сондай", "оның", "олар", "біз", "ол", "сол", "әр", "барлық", "кезінде", "арқылы",
        "қатысты", "сияқты", "дейін", "кейін", "бері", "соң", "ретінде", "тиіс", "керек", "мүмкін",
        "бірге", "жөнінде", "тарапынан", "еді", "екен", "емес", "қазір", "биыл", "жыл", "жылдың",
        "бірі", "бір", "атап", "өтті", "етті", "етіп", "жасады", "айтты", "атты", "сапары", "сапарымен",
        "президенті", "мемлекет", "басшысы", "келіссөз", "кездесу", "ынтымақтастық", "ынтымақтастықты",
        "ел", "елдер", "елдердің", "қазақстан", "қазақстанның", "ретінде", "сонымен", "қатар",
    ])
    static let russianWords = RKey.set([
        "и", "в", "во", "на", "что", "по", "с", "со", "года", "году", "не", "к", "из", "за", "от", "для",
        "о", "об", "это", "как", "а", "но", "также", "был", "была", "были", "было", "будет", "его", "ее",
        "её", "их", "при", "между", "после", "до", "он", "она", "они", "мы", "который", "которые",
        "которая", "которого", "этом", "этого", "или", "уже", "так", "только", "более", "чем", "стран",
        "страны", "сообщает", "отметил", "заявил", "президент", "президента", "также", "этой", "этот",
        "всех", "все", "том", "всего", "может", "нас", "есть", "года", "лет", "визит", "визита",
    ])
    /// Russian words that Bulgarian and Ukrainian lack.
    static let russianDistinct = RKey.set([
        "что", "это", "как", "который", "которые", "которая", "также", "был", "была", "были", "было",
        "года", "году", "его", "их", "мы", "они", "чем", "уже", "этом", "этого", "сообщает", "более",
    ])
    static let englishWords = RKey.set([
        "the", "and", "of", "to", "in", "a", "is", "was", "for", "on", "with", "that", "by", "as", "at",
        "from", "has", "have", "are", "were", "be", "been", "it", "its", "this", "will", "which", "said",
        "an", "their", "his", "her", "two", "between", "also", "not", "would", "they", "he", "she",
        "during", "after", "these", "those", "who", "into", "more", "than", "over", "about",
    ])
    static let otherCyrillic: [(String, Set<RKey>)] = [
        ("Ukrainian", RKey.set(["та", "що", "від", "який", "яка", "які", "це", "він", "вона", "також", "україни", "україна", "між", "щодо", "під", "році", "і", "й", "є", "із", "як", "через", "було", "буде"])),
        ("Kyrgyz", RKey.set(["жана", "менен", "боюнча", "тууралуу", "үчүн", "жөнүндө", "болуп", "деди", "кыргызстан", "кыргызстандын", "өлкө", "эки", "ортосундагы", "анын", "бул", "келди", "дагы"])),
        ("Bulgarian", RKey.set(["че", "се", "са", "ще", "това", "който", "които", "тази", "беше", "като", "или", "след", "във", "със", "тези", "при", "му"])),
        ("Uzbek", RKey.set(["ва", "билан", "учун", "ҳам", "бўйича", "бу", "ўз", "йил", "йилда", "ўзбекистон", "тўғрисида", "қилди", "бўлди", "мамлакат"])),
        ("Mongolian", RKey.set(["болон", "нь", "юм", "байна", "энэ", "бол", "байгаа", "байсан", "монгол", "улсын", "гэж", "хоёр"])),
    ]
    static let otherLatin: [(String, Set<RKey>)] = [
        ("German", RKey.set(["der", "die", "das", "und", "ist", "nicht", "mit", "ein", "eine", "den", "dem", "von", "zu", "auf", "für", "sich", "des", "im", "auch", "wird", "werden", "wurde", "bei", "zwischen", "nach"])),
        ("French", RKey.set(["le", "la", "les", "et", "des", "du", "un", "une", "est", "que", "qui", "dans", "pour", "pas", "sur", "au", "aux", "avec", "par", "ce", "il", "elle", "sont", "été", "entre"])),
        ("Spanish", RKey.set(["el", "los", "las", "y", "que", "en", "un", "una", "es", "por", "con", "para", "del", "se", "al", "su", "como", "entre", "fue", "sus"])),
        ("Italian", RKey.set(["il", "lo", "gli", "e", "di", "che", "è", "per", "con", "del", "della", "un", "una", "non", "sono", "nel", "alla", "tra"])),
        ("Portuguese", RKey.set(["o", "os", "as", "e", "do", "da", "dos", "das", "que", "em", "um", "uma", "para", "com", "não", "no", "na", "foi", "entre"])),
        ("Dutch", RKey.set(["de", "het", "een", "en", "van", "is", "dat", "op", "te", "met", "voor", "niet", "zijn", "ook", "wordt", "tussen"])),
        ("Polish", RKey.set(["i", "w", "na", "z", "się", "nie", "do", "że", "jest", "to", "o", "od", "po", "oraz", "dla", "między", "przez"])),
        ("Turkish", RKey.set(["ve", "bir", "bu", "da", "de", "ile", "için", "olarak", "olan", "çok", "daha", "gibi", "ama", "kadar", "sonra", "ki", "arasında", "yılında"])),
        ("Uzbek", RKey.set(["va", "bilan", "uchun", "bu", "ham", "yil", "yilda", "haqida", "boʻyicha", "oʻz", "qilish", "etdi", "boʻldi", "mamlakat", "ikki", "oʻrtasidagi"])),
    ]

    /// Every listed word with a bit per list: 0 Kazakh, 1 Russian, 2 Russian-only, 3 English,
    /// then the other Cyrillic languages, then the other Latin ones. One lookup per word.
    static let lexicon: [RKey: UInt32] = {
        var d: [RKey: UInt32] = [:]
        func add(_ words: Set<RKey>, _ bit: Int) { for w in words { d[w, default: 0] |= 1 << UInt32(bit) } }
        add(kazakhWords, 0); add(russianWords, 1); add(russianDistinct, 2); add(englishWords, 3)
        for (n, (_, set)) in otherCyrillic.enumerated() { add(set, 4 + n) }
        for (n, (_, set)) in otherLatin.enumerated() { add(set, 4 + otherCyrillic.count + n) }
        return d
    }()

    /// `lexicon` by the keys' hashes, for looking words up by their bytes.
    static let lexiconByHash: [UInt64: [([UInt8], UInt32)]] = {
        var d: [UInt64: [([UInt8], UInt32)]] = [:]
        for (k, bits) in lexicon { d[k.h, default: []].append((Array(k.s.utf8), bits)) }
        return d
    }()

    /// A bit per `hash & 4095` of the lexicon's words: most words of a text are not listed
    /// and stop at this test.
    static let lexiconHashBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 64)
        for k in lexicon.keys { bits[Int(k.h & 4095) >> 6] |= 1 << (k.h & 63) }
        return bits
    }()

    /// `lexicon[word]` for a word given by its bytes and hash.
    @inline(__always)
    static func lexiconBits(_ w: UnsafeBufferPointer<UInt8>, _ h: UInt64, _ hashBits: UnsafeBufferPointer<UInt64>) -> UInt32? {
        guard hashBits[Int(h & 4095) >> 6] & (1 << (h & 63)) != 0, let entries = lexiconByHash[h] else { return nil }
        for (bytes, bits) in entries where bytes.count == w.count && bytes.elementsEqual(w) { return bits }
        return nil
    }

    // MARK: - Analysis

    struct Analysis {
        var language: Language?
        var description: String
    }

    /// Scripts other than Latin and Cyrillic, by name.
    static func otherScript(_ v: UInt32) -> String? {
        switch v {
        case 0x0370...0x03FF: return "Greek"
        case 0x0530...0x058F: return "Armenian"
        case 0x0590...0x05FF: return "Hebrew"
        case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return "Arabic"
        case 0x0900...0x097F: return "Devanagari"
        case 0x0E00...0x0E7F: return "Thai"
        case 0x10A0...0x10FF: return "Georgian"
        case 0x1100...0x11FF, 0xAC00...0xD7AF: return "Hangul"
        case 0x3040...0x30FF: return "Japanese kana"
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return "Chinese (Han)"
        default: return nil
        }
    }

    static func analyse(_ text: String) -> Analysis {
        // Enough text to judge: the first 64 KiB.
        var s = text
        s.makeContiguousUTF8()
        let limit = min(s.utf8.count, 64 * 1024)
        var latin = 0, cyrillic = 0
        var others: [String: Int] = [:]
        var diacritics: [String: Int] = [:]
        // Kazakh letters Kyrgyz and Ukrainian lack (ә ғ қ ұ һ) make a word strongly Kazakh;
        // ң ө ү (shared with Kyrgyz, Tatar...) and і (shared with Ukrainian) weakly.
        var kkStrong = 0, kkWeak = 0, ukLetters = 0, kkWords = 0, ruWords = 0, ruDistinct = 0, enWords = 0
        var otherCyr = Array(repeating: 0, count: otherCyrillic.count)
        var otherLat = Array(repeating: 0, count: otherLatin.count)
        s.utf8.withContiguousStorageIfAvailable { b in
            var i = 0
            while i < limit {
                let (v, len) = RScalars.decode(b, i)
                if v >= 0x41 && v <= 0x5A || v >= 0x61 && v <= 0x7A || (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7) { latin += 1 }
                else if v >= 0x400 && v <= 0x52F { cyrillic += 1 }
                if v >= 0xC0, v <= 0x2BB { for d in diacriticLanguages(v) { diacritics[d, default: 0] += 1 } }
                else if v >= 0x80, let o = otherScript(v) { others[o, default: 0] += 1 }
                i += len
            }
            lexiconHashBits.withUnsafeBufferPointer { hashBits in
                RTokenizer.forEachWord(b, from: 0, to: limit) { w, h in
                    guard !w.isEmpty else { return }
                    let f = RScalars.decode(w, 0).0
                    if f >= 0x400 && f <= 0x52F {
                        var strong = false, weak = false, uk = false
                        var j = 0
                        while j < w.count {
                            let (u, l) = RScalars.decode(w, j)
                            j += l
                            switch u {
                            case 0x4D9, 0x493, 0x49B, 0x4B1, 0x4BB: strong = true
                            case 0x4A3, 0x4E9, 0x4AF, 0x456: weak = true
                            case 0x454, 0x457, 0x491: uk = true
                            default: break
                            }
                        }
                        if strong { kkStrong += 1 } else if weak { kkWeak += 1 }
                        if uk { ukLetters += 1 }
                        guard let bits = lexiconBits(w, h, hashBits) else { return }
                        if bits & 1 != 0 { kkWords += 1 }
                        if bits & 2 != 0 { ruWords += 1 }
                        if bits & 4 != 0 { ruDistinct += 1 }
                        for n in 0..<otherCyr.count where bits & (1 << UInt32(4 + n)) != 0 { otherCyr[n] += 1 }
                    } else if f < 0x250 {
                        guard let bits = lexiconBits(w, h, hashBits) else { return }
                        if bits & 8 != 0 { enWords += 1 }
                        for n in 0..<otherLat.count where bits & (1 << UInt32(4 + otherCyr.count + n)) != 0 { otherLat[n] += 1 }
                    }
                }
            }
        }
        let letters = latin + cyrillic + others.values.reduce(0, +)
        if letters == 0 { return Analysis(language: nil, description: "no letters") }
        if let (script, n) = others.max(by: { $0.value < $1.value }), n * 2 > letters {
            return Analysis(language: nil, description: "\(script) script")
        }
        if cyrillic >= latin {
            let kk = kkWords + (kkStrong > 0 ? kkStrong + kkWeak / 2 : 0)
            let ru = ruWords
            var other: [Int] = []
            for (n, (name, _)) in otherCyrillic.enumerated() {
                switch name {
                case "Ukrainian": other.append(otherCyr[n] + ukLetters)
                case "Bulgarian": other.append(otherCyr[n] > 2 * ruDistinct ? otherCyr[n] : 0)
                case "Kyrgyz": other.append(otherCyr[n] + (kkStrong == 0 ? kkWeak / 2 : 0))
                default: other.append(otherCyr[n])
                }
            }
            if let b = other.enumerated().max(by: { $0.element < $1.element }), b.element >= 3, b.element > max(kk, ru) {
                return Analysis(language: nil, description: "mostly Cyrillic script, looks like \(otherCyrillic[b.offset].0)")
            }
            if kk == 0 && ru == 0 {
                if kkStrong + kkWeak > 0 { return Analysis(language: .kk, description: "Cyrillic script with Kazakh letters, too short to tell more; taken as Kazakh") }
                return Analysis(language: .ru, description: "Cyrillic script, too short to tell; taken as Russian")
            }
            if kk > ru { return Analysis(language: .kk, description: "Cyrillic script, Kazakh") }
            return Analysis(language: .ru, description: "Cyrillic script, Russian")
        }
        let best = otherLat.enumerated().max(by: { $0.element < $1.element })
        if let b = best, b.element * 2 >= enWords, b.element >= 2 {
            return Analysis(language: nil, description: "mostly Latin script, looks like \(otherLatin[b.offset].0)")
        }
        if enWords == 0, let (name, n) = diacritics.max(by: { $0.value < $1.value }), n >= 2 {
            return Analysis(language: nil, description: "mostly Latin script, looks like \(name)")
        }
        if enWords == 0 || (enWords * 100 < (latin / 6) * 3 && enWords < 3) {
            if latin < 200 { return Analysis(language: .en, description: "Latin script, too short to tell; taken as English") }
            return Analysis(language: nil, description: "mostly Latin script, no language recognised")
        }
        return Analysis(language: .en, description: "Latin script, English")
    }

    /// The language a Latin letter with a diacritic points to.
    static func diacriticLanguages(_ v: UInt32) -> [String] {
        switch v {
        case 0xDF, 0xE4, 0xC4: return ["German"]
        case 0xF6, 0xFC, 0xD6, 0xDC: return ["German", "Turkish"]
        case 0x11F, 0x11E, 0x15F, 0x15E, 0x131, 0x130: return ["Turkish"]
        case 0xE7: return ["French", "Turkish"]
        case 0xE9, 0xE8, 0xEA, 0xE0, 0x153, 0xC9: return ["French"]
        case 0xF1, 0xD1: return ["Spanish"]
        case 0x105, 0x119, 0x142, 0x141, 0x15B, 0x17A, 0x17C: return ["Polish"]
        case 0x2BB: return ["Uzbek"]
        default: return []
        }
    }
}
