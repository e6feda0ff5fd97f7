/// One row of `Data/countries.tsv`: names and adjectives of a country in English, Russian and Kazakh.
/// Lists keep the file's order; the first name in each language is the display name.
struct CountryRow: Sendable, Equatable {
    var code: String
    var en: [String]
    var enAdjectives: [String]
    var ru: [String]
    var ruAdjectives: [String]
    var kk: [String]
    var kkAdjectives: [String]
}

/// One row of `Data/cities.tsv`: a capital, a major city or a seat of power standing for a city.
struct CityRow: Sendable, Equatable {
    /// The canonical Latin name (also matched).
    var name: String
    var country: String
    /// `capital`, `city` or `seat`.
    var kind: String
    var en: [String]
    var ru: [String]
    var kk: [String]
}

/// One row of `Data/people.tsv`: a head of state or government, foreign minister or speaker.
struct PersonRow: Sendable, Equatable {
    /// The canonical Latin name (also matched).
    var name: String
    var country: String
    /// A `PersonRole` raw value.
    var role: String
    /// Years in office, informative only.
    var term: String
    var en: [String]
    var ru: [String]
    var kk: [String]
}

/// One row of `Data/exclusions.tsv`: a phrase that contains a name but does not name the country.
struct ExclusionRow: Sendable, Equatable {
    var language: String
    var phrase: String
    var note: String
}
