/// Receives a connection's data as the fetcher gets it, one response's worth at a time, so nothing
/// downstream ever needs a whole connection in memory. The fetch phase passes none (it keeps only
/// what each call made of the connection); the render phase normalizes into the report spool.
protocol ConnectionRowSink: AnyObject {
    /// `/introspect` answered; every later call belongs to this connection.
    func begin(_ introspection: Introspection) throws
    /// One batch of people: directory entries with their individual and employment items.
    func people(
        _ entries: [DirectoryEntry], individuals: [IndividualID: ItemResult<WireIndividual>],
        employments: [IndividualID: ItemResult<WireEmployment>]) throws
    /// The period's payments, before any of their statements.
    func payments(_ payments: [WirePayment]) throws
    /// What readies pages of `payment`'s statements for `statements(_:)`; asked after `payments`.
    /// It shares nothing with the sink, so the reader runs it on another core while the sink takes
    /// the page before (`StatementReader`).
    func pageNormalizer(for payment: PaymentID) -> @Sendable ([WirePayStatement]) -> NormalizedPage
    /// One page of one payment's statements, readied.
    func statements(_ page: NormalizedPage) throws
    /// The calls that follow are of one entity of a multi-entity connection (issue 21): the sink
    /// returned takes its rows, and its `finish`, until the next entity.
    func entity(_ entity: ConnectionEntity) throws -> any ConnectionRowSink
    /// The fetch ended; `data` says what became of each payment's statements.
    func finish(_ data: ConnectionFacts) throws
    /// Drops every row taken so far: the stored answers are to be read instead, or there are none.
    func discard() throws
}
