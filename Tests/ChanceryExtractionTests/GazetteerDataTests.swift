import Foundation
import Testing
import ChanceryDomain
@testable import ChanceryExtraction

/// The TSV files in Sources/ChanceryExtraction/Gazetteer/Data, read at test time.
enum GazetteerTSV {
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ChanceryExtraction/Gazetteer/Data")

    /// Data rows: comment and blank lines skipped, cells trimmed.
    static func rows(_ file: String) throws -> [[String]] {
        let text = try String(contentsOf: dataDirectory.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            let l = String(line)
            if l.trimmingCharacters(in: .whitespaces).isEmpty || l.hasPrefix("#") { return nil }
            return l.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    static func alternatives(_ cell: String) -> [String] {
        cell.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

@Suite struct GazetteerDataTests {
    @Test func generatedCountriesEqualTSV() throws {
        let rows = try GazetteerTSV.rows("countries.tsv")
        let parsed = rows.map { c in
            CountryRow(code: c[0], en: GazetteerTSV.alternatives(c[1]), enAdjectives: GazetteerTSV.alternatives(c[2]),
                       ru: GazetteerTSV.alternatives(c[3]), ruAdjectives: GazetteerTSV.alternatives(c[4]),
                       kk: GazetteerTSV.alternatives(c[5]), kkAdjectives: GazetteerTSV.alternatives(c[6]))
        }
        #expect(rows.allSatisfy { $0.count == 7 })
        #expect(parsed == GazetteerData.countries, "GazetteerData.swift is stale: run python3 Scripts/generate-gazetteer.py")
    }

    @Test func generatedCitiesEqualTSV() throws {
        let rows = try GazetteerTSV.rows("cities.tsv")
        let parsed = rows.map { c in
            CityRow(name: c[0], country: c[1], kind: c[2], en: GazetteerTSV.alternatives(c[3]),
                    ru: GazetteerTSV.alternatives(c[4]), kk: GazetteerTSV.alternatives(c[5]))
        }
        #expect(rows.allSatisfy { $0.count == 6 })
        #expect(parsed == GazetteerData.cities, "GazetteerData.swift is stale: run python3 Scripts/generate-gazetteer.py")
    }

    @Test func generatedPeopleEqualTSV() throws {
        let rows = try GazetteerTSV.rows("people.tsv")
        let parsed = rows.map { c in
            PersonRow(name: c[0], country: c[1], role: c[2], term: c[3], en: GazetteerTSV.alternatives(c[4]),
                      ru: GazetteerTSV.alternatives(c[5]), kk: GazetteerTSV.alternatives(c[6]))
        }
        #expect(rows.allSatisfy { $0.count == 7 })
        #expect(parsed == GazetteerData.people, "GazetteerData.swift is stale: run python3 Scripts/generate-gazetteer.py")
    }

    @Test func generatedExclusionsEqualTSV() throws {
        let rows = try GazetteerTSV.rows("exclusions.tsv")
        let parsed = rows.map { ExclusionRow(language: $0[0], phrase: $0[1], note: $0[2]) }
        #expect(parsed == GazetteerData.exclusions, "GazetteerData.swift is stale: run python3 Scripts/generate-gazetteer.py")
    }

    /// The 193 UN member states, the two observer states (VA, PS), Kosovo and Taiwan.
    static let expectedCodes: Set<String> = Set("""
        AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN
        CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY
        HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU
        MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC
        WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ
        US UY UZ VU VE VN YE ZM ZW
        VA PS XK TW
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    @Test func everyUNMemberAndObserverIsACountry() {
        #expect(Self.expectedCodes.count == 197)
        let codes = Gazetteer.countryCodes.map(\.rawValue)
        #expect(codes.count == 197)
        #expect(Set(codes) == Self.expectedCodes)
    }

    @Test func everyCountryHasNamesInAllThreeLanguages() {
        for row in GazetteerData.countries {
            #expect(!row.en.isEmpty && !row.ru.isEmpty && !row.kk.isEmpty, "\(row.code)")
        }
    }

    /// Kazakhstan's most frequent partners, each with at least one head of state or government
    /// and at least one foreign minister in people.tsv.
    static let partners = """
        RU CN KG UZ TM TJ TR IR AZ GE AM BY UA MN US GB DE FR IT ES PL HU AT NL BE CZ RS GR CH JP KR IN PK AF VN MY ID
        SG TH AE SA QA KW OM EG IL JO
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    @Test(arguments: partners)
    func partnerHasLeadersAndForeignMinister(_ code: String) {
        let rows = GazetteerData.people.filter { $0.country == code }
        #expect(rows.contains { $0.role == "head_of_state" || $0.role == "head_of_government" }, "\(code) leader")
        #expect(rows.contains { $0.role == "foreign_minister" } || code == "QA", "\(code) foreign minister")
    }

    @Test func peopleCoverAtLeast45Countries() {
        #expect(Set(GazetteerData.people.map(\.country)).count >= 45)
        #expect(GazetteerData.people.allSatisfy { PersonRole(rawValue: $0.role) != nil })
    }

    @Test func latinDiacriticsFold() {
        #expect(Scalars.normalize("Erdoğan") == Scalars.normalize("erdogan"))
        #expect(Scalars.normalize("Çavuşoğlu") == Scalars.normalize("cavusoglu"))
        #expect(Scalars.normalize("Tô Lâm") == Scalars.normalize("to lam"))
        #expect(Scalars.normalize("Соединённые") == Scalars.normalize("соединенные"))
    }
}
