/// Receives a connection's data as the fetcher gets it, one response's worth at a time, so nothing
/// downstream ever needs a whole connection in memory. The fetch phase passes none (it keeps only
/// what each call made of the connection); the render phase normalizes into the report spool.
protocol ConnectionDataSink: AnyObject {
    /// `/introspect` answered; every later call belongs to this connection.
    func begin(_ introspection: Introspection) throws
    /// One batch of people: directory entries with their individual and employment items.
    func people(
        _ entries: [DirectoryEntry], individuals: [IndividualID: ItemResult<WireIndividual>],
        employments: [IndividualID: ItemResult<WireEmployment>]) throws
    /// The period's payments, before any of their statements.
    func payments(_ payments: [WirePayment]) throws
    /// One page of one payment's statements.
    func statements(_ statements: [WirePayStatement], payment: PaymentID) throws
    /// The fetch ended; `data` says what became of each payment's statements.
    func finish(_ data: ConnectionData) throws
}
