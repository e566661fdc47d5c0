import Foundation

/// Computes person `index` of a connection from the seed alone.
struct PersonGenerator: Sendable {
    let hash: SeededHash
    let connection: SandboxConnection
    let today: SandboxDay
    /// Everyone reports to person 0, so manager ids always resolve.
    private let managerID: String

    init(hash: SeededHash, connection: SandboxConnection, today: SandboxDay) {
        self.hash = hash
        self.connection = connection
        self.today = today
        managerID = PersonGenerator.individualID(hash, connection, 0)
    }

    static func individualID(_ hash: SeededHash, _ connection: SandboxConnection, _ index: Int) -> String {
        let id = hash.uuid("individual", connection.connectionID, String(index))
        return connection.profile.leadingZeroIDs ? "000" + id.dropFirst(3) : id
    }

    static let firstNames = [
        "Ana", "José", "Zoë", "Łukasz", "Mei", "Søren", "Amélie", "Kwame", "Priya", "Liam", "Noor", "Mateo",
        "Olivia", "Björn", "Chloé", "Yuki", "Aarav", "Fatima", "Ethan", "Ingrid", "Dmitri", "Grace",
    ]
    static let lastNames = [
        "Ruiz", "Müller", "Nguyễn", "O'Brien", "García", "Kowalski", "Smith", "Østergaard", "Chen", "王",
        "Johnson", "Dubois", "Okafor", "Patel", "Brown", "Larsen", "Silva", "Kim", "Novák", "Haddad",
    ]
    static let titles = [
        "Analyst", "Engineer", "Account Executive", "Operations Lead", "Designer", "Controller",
        "Support Specialist", "Warehouse Associate", "Driver", "=Lead Analyst", "+1 Coordinator", "@Ops",
    ]
    static let departments = ["Ops", "Engineering", "Sales", "Finance", "Support", "People", "-Unassigned-"]
    static let places = [
        ("Austin", "TX"), ("Denver", "CO"), ("New York", "NY"), ("Seattle", "WA"), ("Miami", "FL"),
        ("Chicago", "IL"), ("San José", "CA"),
    ]

    /// Number of people in the directory: the generated size plus one hire per advanced sync.
    static func count(_ connection: SandboxConnection, syncAdvances: Int) -> Int {
        connection.people + syncAdvances
    }

    func person(_ index: Int) -> Person {
        var rng = hash.random("person", connection.connectionID, String(index))
        let personSeed = rng.next()
        let id = PersonGenerator.individualID(hash, connection, index)
        let start = today - rng.int(30...3600)
        var end: SandboxDay? = nil
        var firstEnd: SandboxDay? = nil
        var rehire: SandboxDay? = nil
        let fate = rng.int(0...19)
        if index > 0, fate < 2, today.number - start.number > 200 {
            end = start + rng.int(60...(today.number - start.number - 20))
        } else if index > 0, fate == 2, today.number - start.number > 400 {
            firstEnd = start + rng.int(60...150)
            rehire = firstEnd! + rng.int(30...200)
        }
        let hourly = connection.scenario != .large && rng.chance(0.35)
        let place = rng.pick(PersonGenerator.places)
        let first = rng.pick(PersonGenerator.firstNames)
        let middle: String? =
            connection.profile.nullMiddleNameAndDOB || !rng.chance(0.4)
            ? nil : rng.pick(["A.", "Marie", "J"])
        let titleIndex = rng.int(0...(PersonGenerator.titles.count * 4 - 1))
        let title =
            titleIndex < PersonGenerator.titles.count
            ? PersonGenerator.titles[titleIndex] : PersonGenerator.titles[titleIndex % 9]
        return Person(
            index: index, id: id, sourceID: (40 + index * 7).zeroPadded(6),
            firstName: first, middleName: middle, lastName: rng.pick(PersonGenerator.lastNames),
            preferredName: rng.chance(0.15) ? String(first.prefix(3)) : nil,
            dob: today - rng.int(7000...22_000),
            gender: rng.pick(["female", "male", "other", "decline_to_specify"]),
            title: title, department: rng.pick(PersonGenerator.departments),
            managerID: index == 0 ? nil : managerID, isContractor: rng.chance(0.05),
            subtype: rng.pick(["full_time", "full_time", "full_time", "part_time", "temp"]),
            start: start, firstEnd: firstEnd, rehire: rehire, end: end, hourly: hourly,
            rateCents: hourly ? rng.int(1800...6500) : rng.int(45_000...190_000) * 100,
            city: place.0, state: place.1, retirementPercent: rng.pick([0, 0, 3, 4, 5, 6, 8]),
            medicalCents: rng.chance(0.6) ? rng.int(45...140) * 100 : 0, seed: personSeed)
    }
}
