extension RunStop {
    /// A connection id the roster does not hold (65).
    static func notInRoster(_ id: ConnectionID) -> RunStop {
        RunStop(
            .dataError, "No connection \(id) in the roster.",
            remedy: "See `paybatch roster list` for the stored connection ids.")
    }
}
