/// Fetches one connection for one period with the fewest calls SPEC §8 allows: introspect, company,
/// directory pages, individual and employment batches, the period's payments, pay statements ten
/// payments a call. The same code replays a stored run when the client's cache is in replay mode.
public struct ConnectionFetcher: Sendable {
    public let client: FinchClient
    public let period: Period
    public let includeSSN: Bool
    /// Whether a batch of people's individual and employment calls go together. Only when
    /// replaying stored answers: live, two calls in flight are two answers a crash can lose, and
    /// a resumed run must then ask again (issue 9 bounds those repeats).
    public let overlapsPeopleCalls: Bool

    public init(
        client: FinchClient, period: Period, includeSSN: Bool = false, overlapsPeopleCalls: Bool = false
    ) {
        self.client = client
        self.period = period
        self.includeSSN = includeSSN
        self.overlapsPeopleCalls = overlapsPeopleCalls
    }

    /// What the connection gave. Throws only what stops the whole run (`FinchRunStop`, a store
    /// failure); everything about this connection is recorded in the result.
    /// `organizationFirst`: the connection's payroll calls would wait anyway (see `fetchData`).
    /// `beforeData` sees the introspection of a connection that has data to fetch and says
    /// whether to fetch it (false: an earlier run's stored data serves, SPEC §8's re-run rule).
    func fetch(
        _ id: ConnectionID, token: AccessToken, organizationFirst: Bool = false,
        into sink: (any ConnectionDataSink)? = nil,
        beforeData: (Introspection) async throws -> Bool = { _ in true }
    ) async throws -> ConnectionData {
        var data = ConnectionData()
        do {
            let introspection = try await client.introspect(token, connectionID: id)
            data.introspection = introspection
            try sink?.begin(introspection)
            let status = introspection.connectionStatus?.status
            if status == .reauth {
                data.status = .reauthRequired
                data.message = introspection.connectionStatus?.message
                return data
            }
            if introspection.isAssisted, status == .pending || status == .processing {
                data.status = .pending
                data.message = introspection.connectionStatus?.message ?? "assisted connection not ready"
                return data
            }
            guard try await beforeData(introspection) else {
                data.reused = true
                return data
            }
            let products = Set(introspection.products?.present ?? [])
            try await fetchData(
                id, token: token, products: products, organizationFirst: organizationFirst, into: &data,
                sink: sink)
        } catch let failure as FinchFailure {
            record(failure, into: &data)
            data.stoppedEarly = true
        }
        try sink?.finish(data)
        return data
    }

    private func fetchData(
        _ id: ConnectionID, token: AccessToken, products: Set<String>, organizationFirst: Bool,
        into data: inout ConnectionData, sink: (any ConnectionDataSink)?
    ) async throws {
        guard let sink else {
            return try await fetchParts(
                id, token: token, products: products, organizationFirst: organizationFirst, into: &data,
                sink: nil, statements: nil)
        }
        let (reader, handoff) = StatementReading.make(sink)
        async let reading: Void = reader.run()
        do {
            try await fetchParts(
                id, token: token, products: products, organizationFirst: organizationFirst, into: &data,
                sink: sink, statements: handoff)
        } catch {
            handoff.close()
            // The reader's own failure (the store) is the one to report; otherwise the calls'.
            try await reading
            throw error
        }
        handoff.close()
        try await reading
    }

    /// `statements` takes the pay-statement answers when there is a sink (see `StatementReading`).
    private func fetchParts(
        _ id: ConnectionID, token: AccessToken, products: Set<String>, organizationFirst: Bool,
        into data: inout ConnectionData, sink: (any ConnectionDataSink)?, statements: StatementHandoff?
    ) async throws {
        // Payroll first: its buckets are the narrowest (12 calls a minute against 20), so across
        // many connections they start at once and the run takes little more than their bound.
        // A connection whose payment call waits a window or more behind others' asks for the
        // organization first, meanwhile: when its payroll turn comes, only its pay statements
        // remain, so the run does not end with a connection's organization calls.
        let payroll = { (data: inout ConnectionData) in
            try await fetchPayroll(
                id, token: token, products: products, into: &data, sink: sink, statements: statements)
        }
        let organization = { (data: inout ConnectionData) in
            try await fetchOrganization(
                id, token: token, products: products, into: &data, sink: sink, statements: statements)
        }
        for part in organizationFirst ? [organization, payroll] : [payroll, organization]
        where try await !part(&data) {
            return pending(&data)
        }
    }

    /// Whether `product` was granted; if not, a data note and the connection is partial.
    private func granted(
        _ product: String, report: String, in products: Set<String>, _ data: inout ConnectionData
    ) -> Bool {
        guard products.contains(product) else {
            data.notes.add("product_not_granted", report: report, column: product)
            data.degrade(to: .partial)
            return false
        }
        return true
    }

    /// The company, the directory and its people; false when Finch answered 202.
    private func fetchOrganization(
        _ id: ConnectionID, token: AccessToken, products: Set<String>, into data: inout ConnectionData,
        sink: (any ConnectionDataSink)?, statements: StatementHandoff?
    ) async throws -> Bool {
        if granted("company", report: "connections", in: products, &data) {
            guard case .ok = try await client.company(token, connectionID: id) else { return false }
        }
        guard granted("directory", report: "employees", in: products, &data) else { return true }
        guard case .ok(let entries) = try await client.directory(token, connectionID: id) else {
            return false
        }
        data.directoryCount = entries.count
        let hasIDs = entries.contains { !($0.id ?? "").isEmpty }
        let wanted = (
            individuals: hasIDs && granted("individual", report: "employees", in: products, &data),
            employments: hasIDs && granted("employment", report: "employees", in: products, &data)
        )
        return try await fetchPeople(
            entries, id: id, token: token, wanted: wanted, into: &data, sink: sink, statements: statements)
    }

    /// The period's payments and their statements; false when Finch answered 202.
    private func fetchPayroll(
        _ id: ConnectionID, token: AccessToken, products: Set<String>, into data: inout ConnectionData,
        sink: (any ConnectionDataSink)?, statements: StatementHandoff?
    ) async throws -> Bool {
        guard granted("payment", report: "payments", in: products, &data) else { return true }
        guard case .ok(let answered) = try await client.payments(token, period: period, connectionID: id)
        else { return false }
        // Finch is asked for the period's payments, and what it answers is checked again: a
        // payment dated outside the period, or not dated, is not the period's (SPEC §4). It is
        // left out of every report, noted, and its statements are not asked for.
        let payments = answered.filter { payment in
            payment.payDate.flatMap { CalendarDate($0) }.map(period.contains) ?? false
        }
        data.notes.add(
            "outside_period", report: "payments", column: "pay_date", count: answered.count - payments.count)
        data.payments = payments
        try sink?.payments(payments)
        let paymentIDs = payments.compactMap(\.id).map(PaymentID.init)
        guard !paymentIDs.isEmpty, granted("pay_statement", report: "pay_statements", in: products, &data)
        else { return true }
        // Without a sink nobody takes the rows: each page is read only for its size (and stored).
        let fetched = try await client.payStatementPages(token, payments: paymentIDs, connectionID: id) {
            try await statements?.hand($0)
        }
        guard case .ok(let results) = fetched else { return false }
        for (payment, result) in results {
            switch result {
            case .ok: data.statementResults[payment] = .complete
            case .pending: data.statementResults[payment] = .pending
            case .failed(let failure):
                data.statementResults[payment] = .failed
                data.errors.append(failure)
                data.degrade(to: .partial)
            }
        }
        if !data.pendingPayments.isEmpty { data.degrade(to: .partial) }
        return true
    }

    /// Individuals and employments a batch at a time (one call each per batch, as SPEC §8 counts),
    /// each batch handed to the sink with its directory entries; false when Finch answered 202.
    private func fetchPeople(
        _ entries: [DirectoryEntry], id: ConnectionID, token: AccessToken,
        wanted: (individuals: Bool, employments: Bool), into data: inout ConnectionData,
        sink: (any ConnectionDataSink)?, statements: StatementHandoff?
    ) async throws -> Bool {
        func hasID(_ entry: DirectoryEntry) -> Bool { !(entry.id ?? "").isEmpty }
        // Entries without an id still reach the sink (it notes them); they belong to no batch.
        // They go with the first batch's answers, so the people's calls overlap the statements'
        // reading, which must end before the sink takes people (`StatementReading`).
        var withoutIDs = entries.filter { !hasID($0) }
        func takeSink() async throws {
            try await statements?.drain()
            if !withoutIDs.isEmpty { try sink?.people(withoutIDs, individuals: [:], employments: [:]) }
            withoutIDs = []
        }
        // One batch of entries at a time: a copy of a large directory per batch would cost memory.
        var next = entries.startIndex
        while true {
            var chunk: [DirectoryEntry] = []
            while next < entries.endIndex, chunk.count < client.limits.individualsPerCall {
                if hasID(entries[next]) { chunk.append(entries[next]) }
                next += 1
            }
            if chunk.isEmpty { break }
            let ids = chunk.map { IndividualID($0.id ?? "") }
            let answers: (Individuals, Employments)
            do {
                answers = try await people(ids, id: id, token: token, wanted: wanted)
            } catch {
                try await takeSink()
                throw error
            }
            try await takeSink()
            guard case (.ok(let individuals), .ok(let employments)) = answers else { return false }
            // A few hundred people decoded at a time: a batch of ten thousand is never held whole.
            for part in chunk.chunked(Self.peoplePerPart) {
                let ids = part.map { IndividualID($0.id ?? "") }
                // Decoding is most of a large company's people work, and there are two cores.
                async let decodedEmployments = employments.results(for: ids)
                let individuals = individuals.results(for: ids)
                let employments = await decodedEmployments
                recordItemFailures(ids.compactMap { individuals[$0] }, into: &data)
                recordItemFailures(ids.compactMap { employments[$0] }, into: &data)
                try sink?.people(part, individuals: individuals, employments: employments)
            }
        }
        try await takeSink()
        return true
    }

    /// People decoded and handed to the sink together.
    static let peoplePerPart = 256

    private typealias Individuals = DataFetch<PersonAnswers<WireIndividual>>
    private typealias Employments = DataFetch<PersonAnswers<WireEmployment>>

    /// One batch's individual and employment calls (those wanted); employments are not asked for
    /// once individuals answered 202, unless the calls overlap.
    private func people(
        _ ids: [IndividualID], id: ConnectionID, token: AccessToken,
        wanted: (individuals: Bool, employments: Bool)
    ) async throws -> (Individuals, Employments) {
        let (client, includeSSN) = (client, includeSSN)
        @Sendable func individuals() async throws -> Individuals {
            wanted.individuals
                ? try await client.individuals(token, ids: ids, includeSSN: includeSSN, connectionID: id)
                : .ok(PersonAnswers())
        }
        @Sendable func employments() async throws -> Employments {
            wanted.employments
                ? try await client.employments(token, ids: ids, connectionID: id) : .ok(PersonAnswers())
        }
        if overlapsPeopleCalls {
            async let both = (individuals(), employments())
            return try await both
        }
        let first = try await individuals()
        guard case .ok = first else { return (first, .ok(PersonAnswers())) }
        return (first, try await employments())
    }

    private func pending(_ data: inout ConnectionData) {
        data.degrade(to: .pending)
        data.message = data.message ?? "Finch answered 202: the connection's data is not ready yet."
    }

    private func recordItemFailures<T>(_ items: some Sequence<ItemResult<T>>, into data: inout ConnectionData)
    {
        for case .failed(let failure) in items {
            data.errors.append(failure)
            data.degrade(to: .partial)
        }
    }

    /// A call that failed for the whole connection (SPEC §8): reauth, or failed.
    private func record(_ failure: FinchFailure, into data: inout ConnectionData) {
        data.errors.append(failure)
        switch failure.code {
        case "reauth_required": data.degrade(to: .reauthRequired)
        case "product_not_granted":
            data.notes.add(
                "product_not_granted", report: "connections", column: failure.endpoint?.product ?? "")
            data.degrade(to: data.directoryCount == 0 && data.payments.isEmpty ? .failed : .partial)
        default: data.degrade(to: .failed)
        }
        data.message = failure.failureClass.remedy
    }
}
