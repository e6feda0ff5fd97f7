import ChanceryDomain

/// `TradeFigureReported`: a number about the economic relationship of the two sides —
/// turnover (or its growth), a target, investment, exports, imports, freight.
enum TradeFigureRule {
    static func candidates(_ s: SentenceFacts, _ ctx: ArticleContext, _ language: Language) -> [Candidate] {
        var carried: Period?
        return candidates(s, ctx, language, carried: &carried)
    }

    /// `carried`: the period of the paragraph's last figure, read and updated ("In 2024 the
    /// turnover … . Exports totaled …": the exports are of 2024 too).
    static func candidates(_ s: SentenceFacts, _ ctx: ArticleContext, _ language: Language, carried: inout Period?) -> [Candidate] {
        let lex = ctx.lexicon, cue = s.cue
        guard cue.has(lex.hotCues.metricStems) else { return [] }
        if cue.has(lex.worldTrade) || cue.has(lex.cumulative) && !cue.has(["инвест", "invest"]) { return [] }
        let tokens = s.readerTokens
        let amounts = AmountReader.amounts(in: s.text, tokens: tokens, language: language)
        guard !amounts.isEmpty else { return [] }
        guard let (a, b) = ctx.pair(s) else { return [] }
        // The figure must be about the two of them: the partner named in the sentence or its
        // paragraph, or a word for "bilateral"; not a figure about the home side alone.
        let named = s.countries.filter { $0 != ctx.home }
        let bilateral = cue.has(lex.bothSides) || cue.has(["өзара", "взаимн", "mutual", "екіжақты", "двусторон", "bilateral",
                                                                    "между странами", "между нашими странами", "между двумя странами",
                                                                    "between the countries", "between our countries", "between the two"])
            || (!named.isEmpty && cue.has(["между", "between", "арасындағы"]))
        if !bilateral && named.isEmpty && s.countries.contains(ctx.home) { return [] }
        let own = PeriodReader.period(tokens: tokens, language: language, published: ctx.published)
        let period = own ?? carried
        if own != nil { carried = own }
        var out = [Candidate]()
        var seen = Set<String>()
        var segmentStart = s.text.startIndex
        for amount in amounts {
            defer { segmentStart = amount.range.upperBound }
            let offset = s.characterOffset(of: amount.range.lowerBound)
            guard var metric = nearestMetric(before: offset, in: cue, lex) else { continue }
            if metric == .tradeTurnover && amount.unit != "percent" && cue.has(lex.targetCues) { metric = .tradeTarget }
            if metric == .tradeTarget && amount.unit == "percent" { continue }
            var change: Change?
            if amount.unit == "percent" {
                change = ChangeReader.change(near: amount.range, in: s.text, language: language)
                if change == nil && metric == .tradeTurnover { change = .increase }
            }
            var direction: TradeDirection?
            if [.investment, .exports, .imports].contains(metric) {
                direction = segmentDirection(s, ctx, a, b, segmentStart..<amount.range.lowerBound) ?? self.direction(metric, s, ctx, a, b)
            }
            let key = "\(metric.rawValue)|\(amount.value)|\(amount.unit)"
            guard seen.insert(key).inserted else { continue }
            let fig = TradeFigureReported(parties: [a, b], metric: metric, value: amount.value, unit: amount.unit, change: change,
                                          period: metric == .tradeTarget ? nil : period, direction: direction)
            let occurred = ctx.published ?? ctx.fallbackDate
            out.append(Candidate(data: .tradeFigureReported(fig), occurred: occurred, quote: s.text, span: s.sentence.range,
                                 rule: "trade.\(metric.rawValue).\(language.rawValue)"))
        }
        return out
    }

    /// The metric whose cue stands nearest before `offset` (else the first after it).
    static func nearestMetric(before offset: Int, in cue: CueText, _ lex: Lexicon) -> TradeMetric? {
        var best: (Int, TradeMetric)?
        var after: (Int, TradeMetric)?
        for (metric, stems) in lex.metrics {
            for stem in stems {
                for p in cue.offsets(of: dashToSpace(stem)) {
                    if p <= offset { if best == nil || p > best!.0 { best = (p, metric) } }
                    else if after == nil || p < after!.0 { after = (p, metric) }
                }
            }
        }
        return best?.1 ?? after?.1
    }

    /// Which way the figure read in `segment` (the text from the previous figure to this
    /// one) went, when the segment marks a side as the goal or the source: "exports to
    /// Germany", "imports from Germany", "экспорт из Казахстана в Монголию", "импорт из
    /// Монголии", "Түркияға экспорты", "Түркиядан импорт".
    static func segmentDirection(_ s: SentenceFacts, _ ctx: ArticleContext, _ a: CountryCode, _ b: CountryCode,
                                 _ segment: Range<String.Index>) -> TradeDirection? {
        var to: CountryCode?, from: CountryCode?
        for m in s.mentions where m.kind != .person && m.kind != .adjective && segment.contains(m.range.lowerBound) {
            guard let c = m.countries.first, c == a || c == b else { continue }
            switch ctx.language {
            case .kk:
                let w = s.word(of: m)
                if SideFinder.isKazakhDative(w) || (s.wordAfter(m).hasPrefix("экономика") && SideFinder.isKazakhDative(s.wordAfter(m))) { to = to ?? c }
                else if SideFinder.isKazakhAblative(w) { from = from ?? c }
            case .ru:
                let before = s.wordsBefore(m, max: 2)
                if before.first == "из" || before.first == "от" { from = from ?? c }
                else if before.first == "в" || before.first == "во" || (before.count == 2 && before[1] == "в" && before[0].hasPrefix("экономик")) { to = to ?? c }
            case .en:
                let before = s.wordsBefore(m, max: 2)
                if before.first == "from" { from = from ?? c }
                else if ["to", "into", "in"].contains(before.first ?? "") { to = to ?? c }
            }
        }
        if let t = to { return TradeDirection(from: t == a ? b : a, to: t) }
        if let f = from { return TradeDirection(from: f, to: f == a ? b : a) }
        return nil
    }

    /// Which way money or goods went: a destination names `to`; otherwise investment and
    /// imports come into the home side, exports leave it.
    static func direction(_ metric: TradeMetric, _ s: SentenceFacts, _ ctx: ArticleContext, _ a: CountryCode, _ b: CountryCode) -> TradeDirection {
        let other = a == ctx.home ? b : a
        let home = a == ctx.home ? a : b
        if let d = SideFinder.destination(s, ctx), d == a || d == b {
            return TradeDirection(from: d == a ? b : a, to: d)
        }
        switch metric {
        case .exports: return TradeDirection(from: home, to: other)
        default: return TradeDirection(from: other, to: home)
        }
    }
}
