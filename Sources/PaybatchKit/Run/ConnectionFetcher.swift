/// Fetches one connection for one period with the fewest calls SPEC §8 allows: introspect, company,
/// directory pages, individual and employment batches, the period's payments, pay statements ten
/// payments a call. The same code replays a stored run when the client's cache is in replay mode.
public struct ConnectionFetcher: Sendable {
    public let client: FinchClient
    public let period: Period
    public let includeSSN: Bool

    public init(client: FinchClient, period: Period, includeSSN: Bool = false) {
        self.client = client
        self.period = period
        self.includeSSN = includeSSN
    }

    /// What the connection gave. Throws only what stops the whole run (`FinchRunStop`, a store
    /// failure); everything about this connection is recorded in the result.
    public func fetch(_ id: ConnectionID, token: AccessToken) async throws -> ConnectionData {
        var data = ConnectionData()
        do {
            let introspection = try await client.introspect(token, connectionID: id)
            data.introspection = introspection
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
            let products = Set(introspection.products?.present ?? [])
            try await fetchData(id, token: token, products: products, into: &data)
        } catch let failure as FinchFailure {
            record(failure, into: &data)
        }
        return data
    }

    private func fetchData(
        _ id: ConnectionID, token: AccessToken, products: Set<String>, into data: inout ConnectionData
    ) async throws {
        func granted(_ product: String, report: String) -> Bool {
            guard products.contains(product) else {
                data.notes.add("product_not_granted", report: report, column: product)
                data.degrade(to: .partial)
                return false
            }
            return true
        }
        if granted("company", report: "connections") {
            guard case .ok = try await client.company(token, connectionID: id) else { return pending(&data) }
        }
        if granted("directory", report: "employees") {
            guard case .ok(let entries) = try await client.directory(token, connectionID: id) else {
                return pending(&data)
            }
            data.directory = entries
        }
        let ids = data.directory.compactMap(\.id).map(IndividualID.init)
        if !ids.isEmpty, granted("individual", report: "employees") {
            guard
                case .ok(let items) = try await client.individuals(
                    token, ids: ids, includeSSN: includeSSN, connectionID: id)
            else { return pending(&data) }
            data.individuals = items
            recordItemFailures(items.values, into: &data)
        }
        if !ids.isEmpty, granted("employment", report: "employees") {
            guard case .ok(let items) = try await client.employments(token, ids: ids, connectionID: id) else {
                return pending(&data)
            }
            data.employments = items
            recordItemFailures(items.values, into: &data)
        }
        guard granted("payment", report: "payments") else { return }
        guard case .ok(let payments) = try await client.payments(token, period: period, connectionID: id)
        else {
            return pending(&data)
        }
        data.payments = payments
        let paymentIDs = payments.compactMap(\.id).map(PaymentID.init)
        guard !paymentIDs.isEmpty, granted("pay_statement", report: "pay_statements") else { return }
        guard
            case .ok(let statements) = try await client.payStatements(
                token, payments: paymentIDs, connectionID: id)
        else { return pending(&data) }
        data.statements = statements
        data.statementsFetched = true
        recordItemFailures(statements.values, into: &data)
        if !data.pendingPayments.isEmpty { data.degrade(to: .partial) }
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
            data.degrade(to: data.directory.isEmpty && data.payments.isEmpty ? .failed : .partial)
        default: data.degrade(to: .failed)
        }
        data.message = failure.failureClass.remedy
    }
}
