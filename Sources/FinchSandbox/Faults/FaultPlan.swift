import Foundation

/// The faults to inject and their probabilities, parsed from `--faults 500=0.02,slow=0.01:800`.
public struct FaultPlan: Sendable, Equatable {
    /// One kind of injected fault.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case serverError = "500"
        case badGateway = "502"
        case rateLimited = "429"
        case timeout
        case truncate
        case slow
        /// A 200 whose body is an HTML page (a proxy's or a load balancer's), not JSON.
        case html
        /// A 200 with an empty body.
        case empty
        /// A 200 whose JSON has the wrong shape: an array where an object belongs, or the reverse.
        case shape
    }

    /// Probability per kind, in [0, 1]; their sum is at most 1.
    public var probabilities: [Kind: Double]
    /// How long a `slow` answer waits, in milliseconds.
    public var slowMilliseconds: Int
    /// The request paths faults are drawn for (`/employer/payment`); empty means every path.
    public var paths: Set<String> = []
    /// The connections (by id) whose requests draw faults; empty means every request, tokenless
    /// ones included. Lets a test fail one connection while the others succeed. An entity id
    /// names the calls that read that entity of a multi-entity connection.
    public var connections: Set<String> = []

    /// A plan from probabilities per kind.
    public init(probabilities: [Kind: Double] = [:], slowMilliseconds: Int = 800) {
        self.probabilities = probabilities
        self.slowMilliseconds = slowMilliseconds
    }

    /// No faults.
    public static let none = FaultPlan()

    /// Parses the `--faults` syntax; throws a message naming the bad entry.
    public init(parsing text: String) throws {
        self.init()
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !entry.isEmpty {
            let pair = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, let kind = Kind(rawValue: pair[0]) else {
                throw FaultPlanError(entry: entry, reason: "unknown fault kind")
            }
            var value = pair[1]
            if kind == .slow, let colon = value.firstIndex(of: ":") {
                guard let ms = Int(value[value.index(after: colon)...]), ms >= 0 else {
                    throw FaultPlanError(entry: entry, reason: "slow needs p:MILLISECONDS")
                }
                slowMilliseconds = ms
                value = String(value[..<colon])
            }
            guard let p = Double(value), p >= 0, p <= 1 else {
                throw FaultPlanError(entry: entry, reason: "probability must be between 0 and 1")
            }
            probabilities[kind] = p
        }
        guard probabilities.values.reduce(0, +) <= 1 else {
            throw FaultPlanError(entry: text, reason: "probabilities add up to more than 1")
        }
    }

    /// Whether a request to `path` draws a fault at all.
    public func applies(to path: String) -> Bool { paths.isEmpty || paths.contains(path) }

    /// Whether a request to `path` for `connection` (nil: no known token) draws a fault at all.
    public func applies(to path: String, connection: String?) -> Bool {
        applies(to: path) && (connections.isEmpty || connection.map(connections.contains) == true)
    }

    /// The fault for a uniform draw `u` in [0, 1), walking the kinds in a fixed order.
    public func fault(forDraw u: Double) -> Kind? {
        var cumulative = 0.0
        for kind in Kind.allCases {
            cumulative += probabilities[kind] ?? 0
            if u < cumulative { return kind }
        }
        return nil
    }
}

/// A `--faults` value that does not parse.
public struct FaultPlanError: Error, CustomStringConvertible, Sendable {
    public var entry: String
    public var reason: String
    public var description: String {
        "--faults: \(reason) in '\(entry)' (example: 500=0.02,429=0.01,timeout=0.005,slow=0.01:800)"
    }
}
