import Testing
@testable import ChanceryExtraction

@Suite struct ReadingSentenceTests {
    static let rows: [(String, String, [String])] = [
        ("two plain sentences", "Министрлер кездесті. Олар сауданы талқылады.",
         ["Министрлер кездесті.", "Олар сауданы талқылады."]),
        ("т.б. inside", "Тараптар энергетика, көлік т.б. салаларды талқылады. Кейін құжат қабылданды.",
         ["Тараптар энергетика, көлік т.б. салаларды талқылады.", "Кейін құжат қабылданды."]),
        ("т.б. at the end", "Олар астық, мақта т.б. Келесі жылы көлем артады.",
         ["Олар астық, мақта т.б.", "Келесі жылы көлем артады."]),
        ("т.с.с. inside", "Білім, мәдениет т.с.с. салалар қамтылды.",
         ["Білім, мәдениет т.с.с. салалар қамтылды."]),
        ("млн. before a currency", "Инвестиция 12 млн. долларға жетті. Бұл жақсы нәтиже.",
         ["Инвестиция 12 млн. долларға жетті.", "Бұл жақсы нәтиже."]),
        ("млрд. at a sentence end", "Объём составил 4 млрд. Это рекорд.",
         ["Объём составил 4 млрд.", "Это рекорд."]),
        ("г. before a city", "Встреча прошла в г. Алматы в среду.",
         ["Встреча прошла в г. Алматы в среду."]),
        ("year г. at the end", "Договор подписан в 2019 г. Он вступил в силу позже.",
         ["Договор подписан в 2019 г.", "Он вступил в силу позже."]),
        ("гг. inside", "В 2020-2022 гг. товарооборот рос.",
         ["В 2020-2022 гг. товарооборот рос."]),
        ("им. before a name", "Выступление прошло в университете им. Аль-Фараби. Зал был полон.",
         ["Выступление прошло в университете им. Аль-Фараби.", "Зал был полон."]),
        ("U.S. and Mr.", "The U.S. delegation met Mr. Brown in Astana. They spoke for an hour.",
         ["The U.S. delegation met Mr. Brown in Astana.", "They spoke for an hour."]),
        ("Dr. and No.", "Dr. Lee signed protocol No. 4 yesterday. It takes effect soon.",
         ["Dr. Lee signed protocol No. 4 yesterday.", "It takes effect soon."]),
        ("e.g.", "Several sectors, e.g. Energy and transport, were named. Talks ended.",
         ["Several sectors, e.g. Energy and transport, were named.", "Talks ended."]),
        ("Kazakh initials", "Қ.-Ж. Тоқаев делегацияны қабылдады. Кездесу жылы өтті.",
         ["Қ.-Ж. Тоқаев делегацияны қабылдады.", "Кездесу жылы өтті."]),
        ("glued initial", "К.Токаев принял министра. Встреча длилась час.",
         ["К.Токаев принял министра.", "Встреча длилась час."]),
        ("English initial", "The agreement was signed by J. Smith on behalf of the company. It was a long day.",
         ["The agreement was signed by J. Smith on behalf of the company.", "It was a long day."]),
        ("decimal number", "Көрсеткіш 17.8 пайызға жетті. Бұл рекорд.",
         ["Көрсеткіш 17.8 пайызға жетті.", "Бұл рекорд."]),
        ("guillemets with деді", "«Біз бәрін келістік. Енді жұмыс басталады», – деді министр. Кейін ол кетті.",
         ["«Біз бәрін келістік.", "Енді жұмыс басталады», – деді министр.", "Кейін ол кетті."]),
        ("guillemets ending in ! before деді", "«Бұл тарихи күн!» – деді ол. Жұрт қол шапалақтады.",
         ["«Бұл тарихи күн!» – деді ол.", "Жұрт қол шапалақтады."]),
        ("guillemets ending in . before сказал", "«Мы готовы к работе.» — сказал министр. Затем начались переговоры.",
         ["«Мы готовы к работе.» — сказал министр.", "Затем начались переговоры."]),
        ("English quotes with he said", "\"We are ready to start,\" he said. \"Is it done?\" she asked. Nobody answered.",
         ["\"We are ready to start,\" he said.", "\"Is it done?\" she asked.", "Nobody answered."]),
        ("sentence ending inside quotes", "Он сказал: «Работа завершена.» Потом ушёл.",
         ["Он сказал: «Работа завершена.»", "Потом ушёл."]),
        ("line break inside a sentence", "Тараптар сауда мен\nкөлік мәселелерін талқылады.",
         ["Тараптар сауда мен\nкөлік мәселелерін талқылады."]),
        ("line break after a comma", "Министр встретился с послом,\nМинистерство сообщило об этом.",
         ["Министр встретился с послом,\nМинистерство сообщило об этом."]),
        ("headline without period", "Президенттер кездесті\nЕкі ел басшылары Астанада келіссөз жүргізді.",
         ["Президенттер кездесті", "Екі ел басшылары Астанада келіссөз жүргізді."]),
        ("date line and headline", "    12:05, 3 Наурыз 2024 | GMT +5\n\n    Министрлер кездесті\n\n    Мәтін осында.",
         ["12:05, 3 Наурыз 2024 | GMT +5", "Министрлер кездесті", "Мәтін осында."]),
        ("dialogue dashes", "— Мы договорились обо всём.\n— Когда подпишете?\n— Завтра.",
         ["Мы договорились обо всём.", "Когда подпишете?", "Завтра."]),
        ("quote continued by a dash line", "«Жұмыс жалғасады»,\n– деді министр.",
         ["«Жұмыс жалғасады»,\n– деді министр."]),
        ("question and exclamation", "Кім келді? Президент келді! Бәрі қуанды.",
         ["Кім келді?", "Президент келді!", "Бәрі қуанды."]),
        ("ellipsis", "Келіссөз ұзаққа созылды… Ақыры келісімге келді.",
         ["Келіссөз ұзаққа созылды…", "Ақыры келісімге келді."]),
        ("CRLF kept", "Бірінші сөйлем.\r\nЕкінші сөйлем.\r\n",
         ["Бірінші сөйлем.", "Екінші сөйлем."]),
        ("sentence starting with a number", "Кездесу аяқталды. 2025 жылы тауар айналымы өсті.",
         ["Кездесу аяқталды.", "2025 жылы тауар айналымы өсті."]),
        ("URL-like word", "Бұл туралы Sputnik.kz хабарлады. Басқа мәлімет жоқ.",
         ["Бұл туралы Sputnik.kz хабарлады.", "Басқа мәлімет жоқ."]),
        ("capitalised dateline", "АСТАНА. KAZINFORM — Министрлер кездесті. Олар сауданы талқылады.",
         ["АСТАНА. KAZINFORM — Министрлер кездесті.", "Олар сауданы талқылады."]),
        ("truncated tail", "Министрлер кездесті. Олар сауда мен көлік мәселелерін талқылап, келесі кездесуді",
         ["Министрлер кездесті.", "Олар сауда мен көлік мәселелерін талқылап, келесі кездесуді"]),
    ]

    @Test(arguments: rows)
    func splitsReadingSentences(_ row: (String, String, [String])) {
        let got = SentenceSplitter.split(row.1)
        #expect(got.map(\.text) == row.2, "\(row.0)")
        let bytes = Array(row.1.utf8)
        for s in got {
            #expect(String(decoding: bytes[s.range], as: UTF8.self) == s.text, "\(row.0): range of \(s.text)")
        }
    }

    static let paragraphs: [(String, String, [Int])] = [
        ("blank lines", "Бірінші абзац. Тағы сөйлем.\n\nЕкінші абзац.\n\n\nҮшінші абзац.", [0, 0, 1, 2]),
        ("one paragraph per line", "Бірінші жол.\nЕкінші жол.\nҮшінші жол.", [0, 1, 2]),
        ("a broken sentence stays in its paragraph", "Тараптар сауда мен\nкөлік мәселелерін талқылады. Кейін кетті.\n\nЖаңа абзац.", [0, 0, 1]),
        ("headline then body", "Тақырып\n\nМәтін бірінші. Мәтін екінші.", [0, 1, 1]),
    ]

    @Test(arguments: paragraphs)
    func numbersReadingParagraphs(_ row: (String, String, [Int])) {
        #expect(SentenceSplitter.split(row.1).map(\.paragraph) == row.2, "\(row.0)")
    }

    @Test func readingSentenceRangesAreByteOffsets() {
        let text = "Бір. Two.\nҮш."
        let got = SentenceSplitter.split(text)
        #expect(got.map(\.range) == [0..<7, 8..<12, 13..<18])
    }
}
