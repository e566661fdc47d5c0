/// swift-argument-parser reads a subcommand's options only after its name, while SPEC §8 lets
/// global options stand before or after the subcommand. Options given before the subcommand are
/// moved after it, before parsing; nothing else changes.
enum GlobalOptionHoisting {
    static let valued: Set<String> = [
        "--db", "--log-format", "--config", "--rate-scale", "--budget-share", "--request-timeout",
        "--wait-lock", "--now",
    ]
    static let flags: Set<String> = ["--quiet", "--verbose"]

    static func hoist(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if flags.contains(argument) || (valued.contains(name) && argument.contains("=")) {
                leading.append(argument)
                index += 1
            } else if valued.contains(argument), index + 1 < arguments.count {
                leading.append(contentsOf: arguments[index...(index + 1)])
                index += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        return Array(arguments[index...]) + leading
    }
}
