import ChanceryDomain

/// One fact the generators state, with everything its sentence and its payload need.
public struct FactSpec: Sendable {
    public enum Kind: Sendable {
        case visit(visitor: Int, host: Int, level: VisitLevel)
        case talks(a: Int, b: Int, format: TalksFormat, venue: Int)
        case agreement(a: Int, b: Int, kind: AgreementKind, topic: Int, count: Int?)
        case trade(a: Int, b: Int, billions: Double, percent: Int, year: Int)
    }
    public var kind: Kind
    public var occurred: FuzzyDate
    public var status: FactStatus

    /// The two sides (indexes into `BenchCountries.all`).
    var sides: (Int, Int) {
        switch kind {
        case .visit(let v, let h, _): return (v, h)
        case .talks(let a, let b, _, _), .agreement(let a, let b, _, _, _), .trade(let a, let b, _, _, _): return (a, b)
        }
    }

    /// The payload the sentence states (what the extractor should find in it).
    public var data: EventData {
        let c = BenchCountries.all
        func code(_ i: Int) -> CountryCode { CountryCode(c[i].code)! }
        switch kind {
        case .visit(let v, let h, let level):
            return .visitStarted(VisitStarted(visitor: code(v), host: code(h), leader: c[v].enLeader, level: level,
                                              place: c[h].enCapital, status: status))
        case .talks(let a, let b, let format, let venue):
            let who = format == .phone ? [c[a].enLeader, c[b].enLeader] : [c[a].enMinister, c[b].enMinister]
            return .talksHeld(TalksHeld(parties: [code(a), code(b)], participants: who, format: format,
                                        place: format == .phone ? nil : c[venue].enCapital, status: status))
        case .agreement(let a, let b, let kind, let topic, let count):
            let title = count == nil ? "\(ArticleWriter.kindWord[kind] ?? "agreement") on \(ArticleWriter.topics[topic].en)" : ""
            return .agreementSigned(AgreementSigned(parties: [code(a), code(b)], title: title, kind: kind, count: count,
                                                    status: status == .planned ? .planned : .signed))
        case .trade(let a, let b, let billions, let percent, let year):
            return .tradeFigureReported(TradeFigureReported(
                parties: [code(a), code(b)], metric: .tradeTurnover, value: (billions * 1000).rounded() * 1_000_000, unit: "USD",
                change: percent >= 0 ? .increase : .decrease, period: Period(from: "\(year)-01", to: "\(year)-12")))
        }
    }
}

/// Writes facts as sentences and sentences as articles, from the benchmark's own templates
/// in Kazakh, Russian and English.
public enum ArticleWriter {
    struct Topic { let en: String; let ruPrep: String; let kk: String }
    static let topics: [Topic] = [
        Topic(en: "energy", ruPrep: "энергетике", kk: "энергетика"),
        Topic(en: "transport and logistics", ruPrep: "транспорте и логистике", kk: "көлік және логистика"),
        Topic(en: "agriculture", ruPrep: "сельском хозяйстве", kk: "ауыл шаруашылығы"),
        Topic(en: "education", ruPrep: "образовании", kk: "білім беру"),
        Topic(en: "healthcare", ruPrep: "здравоохранении", kk: "денсаулық сақтау"),
        Topic(en: "digital technologies", ruPrep: "цифровых технологиях", kk: "цифрлық технологиялар"),
        Topic(en: "tourism", ruPrep: "туризме", kk: "туризм"),
        Topic(en: "water resources", ruPrep: "водных ресурсах", kk: "су ресурстары"),
        Topic(en: "culture", ruPrep: "культуре", kk: "мәдениет"),
        Topic(en: "mining", ruPrep: "горнодобывающей промышленности", kk: "тау-кен өнеркәсібі"),
    ]
    static let kindWord: [AgreementKind: String] = [.agreement: "agreement", .memorandum: "memorandum", .roadmap: "roadmap", .program: "programme"]

    static let enMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let ruMonths = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
    static let kkMonths = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]

    static func parts(_ d: FuzzyDate) -> (Int, Int, Int) {
        if case .day(let y, let m, let dd) = d { return (y, m, dd) }
        return (2024, 1, 1)
    }

    /// "on 12 March 2024" / "12 марта 2024 года" / "2024 жылғы 12 наурызда".
    static func date(_ d: FuzzyDate, _ lang: String) -> String {
        let (y, m, dd) = parts(d)
        switch lang {
        case "en": return "on \(dd) \(enMonths[m - 1]) \(y)"
        case "ru": return "\(dd) \(ruMonths[m - 1]) \(y) года"
        default: return "\(y) жылғы \(dd) \(Kazakh.inflect(kkMonths[m - 1], .locative))"
        }
    }

    /// The article's first line, which the extractor reads as its publication date.
    static func dateline(_ d: FuzzyDate, _ lang: String, minute: Int) -> String {
        let (y, m, dd) = parts(d)
        let hh = 8 + minute / 60 % 12, mm = minute % 60
        let time = "\(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm)"
        switch lang {
        case "en": return "\(enMonths[m - 1]) \(dd), \(y), \(time)"
        case "ru": return "\(dd) \(ruMonths[m - 1]) \(y), \(time)"
        default: return "\(time), \(dd) \(kkMonths[m - 1].prefix(1).uppercased() + kkMonths[m - 1].dropFirst()) \(y) | GMT +5"
        }
    }

    /// The sentence that states `f` in `lang` (`variant` picks among the templates).
    public static func sentence(_ f: FactSpec, _ lang: String, variant: Int) -> String {
        let c = BenchCountries.all
        let planned = f.status == .planned
        let when = date(f.occurred, lang)
        switch (f.kind, lang) {
        // Visits
        case (.visit(let v, let h, let level), "en"):
            let lv = level == .state ? "state" : level == .official ? "official" : "working"
            if planned { return "President \(c[v].enLeader) of \(c[v].en) will pay a\(lv == "official" ? "n" : "") \(lv) visit to \(c[h].en) \(when), the press service said." }
            return variant % 2 == 0
                ? "\(c[v].enLeader), President of \(c[v].en), arrived in \(c[h].enCapital) \(when) on a\(lv == "official" ? "n" : "") \(lv) visit to \(c[h].en)."
                : "\(when.prefix(1).uppercased() + when.dropFirst()), President \(c[v].enLeader) of \(c[v].en) arrived in \(c[h].enCapital) for a\(lv == "official" ? "n" : "") \(lv) visit."
        case (.visit(let v, let h, let level), "ru"):
            let lv = level == .state ? "государственным" : level == .official ? "официальным" : "рабочим"
            if planned { return "\(when) Президент \(c[v].ruGen) \(c[v].ruLeader) посетит \(c[h].ruAcc) с \(lv) визитом, сообщила пресс-служба." }
            return variant % 2 == 0
                ? "\(when) Президент \(c[v].ruGen) \(c[v].ruLeader) прибыл в \(c[h].ruCapitalAcc) с \(lv) визитом."
                : "Президент \(c[v].ruGen) \(c[v].ruLeader) \(when) прибыл с \(lv) визитом в \(c[h].ruAcc)."
        case (.visit(let v, let h, let level), _):
            let lv = level == .state ? "мемлекеттік" : level == .official ? "ресми" : "жұмыс"
            if planned { return "\(when) \(c[v].kk) Президенті \(c[v].kkLeader) \(c[h].kk(.dative)) \(lv) сапармен барады, деп хабарлады баспасөз қызметі." }
            return variant % 2 == 0
                ? "\(when.prefix(1).uppercased() + when.dropFirst()) \(c[v].kk) Президенті \(c[v].kkLeader) \(c[h].kk(.dative)) \(lv) сапармен келді."
                : "\(c[v].kk) Президенті \(c[v].kkLeader) \(when) \(Kazakh.inflect(c[h].kkCapital, .dative)) \(lv) сапармен барды."
        // Talks
        case (.talks(let a, let b, let format, let venue), "en"):
            if format == .phone { return "\(when.prefix(1).uppercased() + when.dropFirst()), President \(c[a].enLeader) of \(c[a].en) and President \(c[b].enLeader) of \(c[b].en) held a phone call." }
            let fm = format == .narrow ? "a narrow" : "an expanded"
            let verb = planned ? "will hold" : "held"
            return "\(when.prefix(1).uppercased() + when.dropFirst()), the foreign ministers of \(c[a].en) and \(c[b].en), \(c[a].enMinister) and \(c[b].enMinister), \(verb) talks in \(fm) format in \(c[venue].enCapital)."
        case (.talks(let a, let b, let format, let venue), "ru"):
            if format == .phone { return "\(when) \(c[a].ruLeader) и \(c[b].ruLeader) провели телефонный разговор." }
            let fm = format == .narrow ? "узком" : "расширенном"
            let verb = planned ? "состоятся" : "состоялись"
            return "\(when) в \(c[venue].ruCapitalPrep) \(verb) переговоры министров иностранных дел \(c[a].ruGen) и \(c[b].ruGen) \(c[a].ruMinister) и \(c[b].ruMinister) в \(fm) составе."
        case (.talks(let a, let b, let format, let venue), _):
            if format == .phone { return "\(when.prefix(1).uppercased() + when.dropFirst()) \(c[a].kkLeader) \(Kazakh.and(after: c[a].kkLeader)) \(c[b].kkLeader) телефон арқылы сөйлесті." }
            let fm = format == .narrow ? "шағын" : "кеңейтілген"
            let verb = planned ? "жүргізеді" : "жүргізді"
            return "\(when.prefix(1).uppercased() + when.dropFirst()) \(Kazakh.inflect(c[venue].kkCapital, .locative)) \(c[a].kk) \(Kazakh.and(after: c[a].kk)) \(c[b].kk) сыртқы істер министрлері \(c[a].kkMinister) \(Kazakh.and(after: c[a].kkMinister)) \(c[b].kkMinister) \(fm) құрамда келіссөз \(verb)."
        // Agreements
        case (.agreement(let a, let b, let kind, let topic, let count), "en"):
            if let n = count { return "\(when.prefix(1).uppercased() + when.dropFirst()), \(c[a].en) and \(c[b].en) signed \(n) documents, including agreements on \(topics[topic].en)." }
            let doc = kind == .memorandum ? "a memorandum of understanding on" : kind == .roadmap ? "a roadmap on" : kind == .program ? "a programme of cooperation in" : "an agreement on cooperation in"
            return planned
                ? "\(c[a].enTitle) and \(c[b].en) will sign \(doc) \(topics[topic].en) \(when)."
                : "\(when.prefix(1).uppercased() + when.dropFirst()), \(c[a].en) and \(c[b].en) signed \(doc) \(topics[topic].en)."
        case (.agreement(let a, let b, let kind, let topic, let count), "ru"):
            if let n = count { return "\(when) \(c[a].ruNom) и \(c[b].ruNom) подписали \(n) документов, в том числе соглашения о сотрудничестве в \(topics[topic].ruPrep)." }
            let doc = kind == .memorandum ? "меморандум о взаимопонимании в" : kind == .roadmap ? "дорожную карту сотрудничества в" : kind == .program ? "программу сотрудничества в" : "соглашение о сотрудничестве в"
            return planned
                ? "\(when) \(c[a].ruNom) и \(c[b].ruNom) подпишут \(doc) \(topics[topic].ruPrep)."
                : "\(when) \(c[a].ruNom) и \(c[b].ruNom) подписали \(doc) \(topics[topic].ruPrep)."
        case (.agreement(let a, let b, let kind, let topic, let count), _):
            if let n = count { return "\(when.prefix(1).uppercased() + when.dropFirst()) \(c[a].kk) \(Kazakh.and(after: c[a].kk)) \(c[b].kk) \(n) құжатқа қол қойды, олардың қатарында \(topics[topic].kk) саласындағы келісімдер бар." }
            let doc = kind == .memorandum ? "өзара түсіністік туралы меморандумға" : kind == .roadmap ? "ынтымақтастықтың жол картасына" : kind == .program ? "ынтымақтастық бағдарламасына" : "ынтымақтастық туралы келісімге"
            return "\(when.prefix(1).uppercased() + when.dropFirst()) \(c[a].kk) \(Kazakh.and(after: c[a].kk)) \(c[b].kk) \(topics[topic].kk) саласындағы \(doc) қол \(planned ? "қояды" : "қойды")."
        // Trade
        case (.trade(let a, let b, let billions, let percent, let year), "en"):
            return "Trade turnover between \(c[a].en) and \(c[b].en) reached $\(number(billions, ".")) billion in \(year), \(percent >= 0 ? "up" : "down") \(abs(percent))% year on year."
        case (.trade(let a, let b, let billions, let percent, let year), "ru"):
            return "По итогам \(year) года товарооборот между \(c[a].ruIns) и \(c[b].ruIns) составил \(number(billions, ",")) млрд долларов США, \(percent >= 0 ? "увеличившись" : "сократившись") на \(abs(percent))%."
        case (.trade(let a, let b, let billions, let percent, let year), _):
            return "\(year) жылдың қорытындысы бойынша \(c[a].kk) \(Kazakh.and(after: c[a].kk)) \(c[b].kk) арасындағы тауар айналымы \(number(billions, ",")) млрд долларды құрап, \(abs(percent)) пайызға \(percent >= 0 ? "өсті" : "төмендеді")."
        }
    }

    static func number(_ x: Double, _ sep: String) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10)\(sep)\(tenths % 10)"
    }

    /// Sentences that state no fact of their own (context, quotes, background).
    static func filler(_ a: Int, _ b: Int, _ lang: String, variant: Int) -> String {
        let c = BenchCountries.all
        switch lang {
        case "en":
            return [
                "Officials in \(c[a].enCapital) described the relationship with \(c[b].en) as a long-standing partnership.",
                "Business circles of both countries follow the contacts closely, according to the chamber of commerce.",
                "Experts expect the cooperation between \(c[a].en) and \(c[b].en) to widen in the coming years.",
                "The ministry said that more than 40 joint ventures now operate in the two economies.",
                "Cultural days and student exchanges are also part of the agenda.",
            ][variant % 5]
        case "ru":
            return [
                "В \(c[a].ruCapitalPrep) отношения с \(c[b].ruIns) называют стратегическим партнерством.",
                "Деловые круги двух стран внимательно следят за развитием контактов, отметили в торговой палате.",
                "Эксперты ожидают, что сотрудничество \(c[a].ruGen) и \(c[b].ruGen) в ближайшие годы расширится.",
                "По данным министерства, в экономиках двух стран работает более 40 совместных предприятий.",
                "В повестку также включены дни культуры и студенческие обмены.",
            ][variant % 5]
        default:
            return [
                "\(c[a].kk(.locative)) \(c[b].kk) бауырлас әрі сенімді әріптес саналады.",
                "Екі елдің іскер топтары байланыстардың дамуын мұқият бақылап отыр, деп атап өтті сауда палатасы.",
                "Сарапшылардың пікірінше, \(c[a].kk) \(Kazakh.and(after: c[a].kk)) \(c[b].kk) арасындағы ынтымақтастық алдағы жылдары кеңейе түседі.",
                "Министрліктің мәліметінше, екі елдің экономикасында 40-тан астам бірлескен кәсіпорын жұмыс істейді.",
                "Күн тәртібіне мәдениет күндері мен студенттер алмасуы да енгізілген.",
            ][variant % 5]
        }
    }

    static func headline(_ a: Int, _ b: Int, _ lang: String, variant: Int) -> String {
        let c = BenchCountries.all
        switch lang {
        case "en": return ["\(c[a].enTitle) and \(c[b].en) deepen cooperation", "New chapter in relations of \(c[a].en) and \(c[b].en)", "\(c[a].enTitle) – \(c[b].en): results of the year"][variant % 3]
        case "ru": return ["\(c[a].ruNom) и \(c[b].ruNom) углубляют сотрудничество", "Новая страница в отношениях \(c[a].ruGen) и \(c[b].ruGen)", "\(c[a].ruNom) – \(c[b].ruNom): итоги года"][variant % 3]
        default: return ["\(c[a].kk) \(Kazakh.and(after: c[a].kk)) \(c[b].kk) ынтымақтастықты тереңдетеді", "\(c[a].kk) – \(c[b].kk): жыл қорытындысы", "\(c[a].kk(.genitive)) \(c[b].kk) елімен қарым-қатынасы жаңа деңгейде"][variant % 3]
        }
    }

    /// An article: date line, headline, then the fact sentences and fillers as paragraphs.
    /// Returns the text and, for each fact, the UTF-8 byte span of its sentence.
    public static func article(facts: [FactSpec], published: FuzzyDate, lang: String, rng: inout SplitMix64) -> (text: String, spans: [Range<Int>]) {
        let (a, b) = facts.first?.sides ?? (0, 1)
        var out = dateline(published, lang, minute: rng.below(600)) + "\n\n" + headline(a, b, lang, variant: rng.below(3)) + "\n\n"
        var spans = [Range<Int>]()
        for (n, f) in facts.enumerated() {
            let s = sentence(f, lang, variant: rng.below(2))
            let start = out.utf8.count
            out += s
            spans.append(start..<out.utf8.count)
            out += rng.chance(0.5) ? " " + filler(a, b, lang, variant: rng.below(5)) : ""
            out += n == facts.count - 1 ? "\n" : "\n\n"
        }
        out += "\n" + filler(b, a, lang, variant: rng.below(5)) + "\n"
        return (out, spans)
    }
}
