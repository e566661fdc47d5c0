/// One connection's answers read in SPEC §8's order — introspect, the payroll, the organization —
/// into what the connection came to (`ConnectionFacts`) and, when there is one, a sink's rows. The
/// fetch reads Finch's answers (`ConnectionFetcher`), the render a run's stored answers
/// (`StoredRunReader`): one reading of both, so a connection rendered from the store gives the
/// rows and the data its fetch gave.
struct ConnectionReader<Answers: ConnectionAnswers> {
    let answers: Answers
    let period: Period
    /// `--include benefits`: read the benefits and their enrollments after the rest.
    var includeBenefits = false

    /// What the connection's answers make of it. Throws only what stops the reading (a
    /// `FinchFailure` for the connection is recorded in the result instead).
    /// `organizationFirst`: the connection's payroll answers would wait anyway (see `readParts`).
    /// `beforeData` sees the introspection of a connection that has data to read and says
    /// whether to read it (false: an earlier run's stored data serves, SPEC §8's re-run rule).
    func read(
        organizationFirst: Bool = false, into sink: (any ConnectionRowSink)? = nil,
        beforeData: (Introspection) async throws -> Bool = { _ in true }
    ) async throws -> ConnectionFacts {
        var data = ConnectionFacts()
        do {
            let introspection = try await answers.introspection()
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
            let entities = ConnectionEntity.listed(in: introspection)
            if entities.isEmpty {
                try await readData(
                    products: products, organizationFirst: organizationFirst, into: &data, sink: sink)
            }
            for entity in entities {
                data.add(
                    try await readEntity(
                        entity, introspection: introspection, products: products,
                        organizationFirst: organizationFirst, sink: sink))
            }
        } catch let failure as FinchFailure {
            record(failure, into: &data)
            data.stoppedEarly = true
        }
        try sink?.finish(data)
        return data
    }

    /// The payroll, the organization and (asked for) the benefits, into `sink` when there is one.
    private func readData(
        products: Set<String>, organizationFirst: Bool, into data: inout ConnectionFacts,
        sink: (any ConnectionRowSink)?
    ) async throws {
        guard let sink else {
            return try await readParts(
                products: products, organizationFirst: organizationFirst, into: &data, sink: nil,
                statements: nil)
        }
        try await StatementReading.reading(into: sink) { statements in
            try await readParts(
                products: products, organizationFirst: organizationFirst, into: &data, sink: sink,
                statements: statements)
        }
    }

    /// One entity of a multi-entity connection, read as a connection of one entity is, every call
    /// with its `entity_ids` (issue 21); an entity that is not `connected` is not called. A
    /// failure costs the entity, not the others — but a reauth is the whole connection's, and
    /// stops the reading (the caller records it).
    private func readEntity(
        _ entity: ConnectionEntity, introspection: Introspection, products: Set<String>,
        organizationFirst: Bool, sink: (any ConnectionRowSink)?
    ) async throws -> EntityFacts {
        var read = EntityFacts(entity: entity, facts: ConnectionFacts())
        read.facts.introspection = introspection
        let rows = try sink?.entity(entity)
        if let (status, message) = entity.statusWithoutCalls {
            read.facts.status = status
            read.facts.message = message
        } else {
            let scoped = ConnectionReader<Answers>(
                answers: answers.scoped(to: entity.id), period: period, includeBenefits: includeBenefits)
            do {
                try await scoped.readData(
                    products: products, organizationFirst: organizationFirst, into: &read.facts, sink: rows)
            } catch let failure as FinchFailure where failure.code != "reauth_required" {
                record(failure, into: &read.facts)
                read.facts.stoppedEarly = true
            } catch is StoredAnswers.NotStored {
                // Its fetch stopped at a call whose answer was not stored: it has no rows.
                read.unread = true
                try rows?.discard()
                return read
            }
        }
        try rows?.finish(read.facts)
        return read
    }

    /// `statements` takes the pay-statement answers when there is a sink (see `StatementReading`).
    private func readParts(
        products: Set<String>, organizationFirst: Bool, into data: inout ConnectionFacts,
        sink: (any ConnectionRowSink)?, statements: StatementHandoff?
    ) async throws {
        // Payroll first: its buckets are the narrowest (12 calls a minute against 20), so across
        // many connections they start at once and the run takes little more than their bound.
        // A connection whose payment call waits a window or more behind others' asks for the
        // organization first, meanwhile: when its payroll turn comes, only its pay statements
        // remain, so the run does not end with a connection's organization calls.
        let payroll = { (data: inout ConnectionFacts) in
            try await readPayroll(products: products, into: &data, sink: sink, statements: statements)
        }
        let organization = { (data: inout ConnectionFacts) in
            try await readOrganization(products: products, into: &data, sink: sink, statements: statements)
        }
        for part in organizationFirst ? [organization, payroll] : [payroll, organization]
        where try await !part(&data) {
            return pending(&data)
        }
        if includeBenefits { try await readBenefits(products: products, into: &data) }
    }

    /// The benefits, then each one's enrollments: 1 + B calls (issue 21), after the rest, so a
    /// failed benefit read costs the connection nothing else. It is recorded as an error (the
    /// connection is partial), and a render whose stored run has no benefit answers renders the
    /// connection without them.
    private func readBenefits(products: Set<String>, into data: inout ConnectionFacts) async throws {
        guard products.contains("benefits") else {
            // Benefits are asked for, not required: a token without them is noted, not partial.
            data.notes.add("product_not_granted", report: "benefits", column: "benefits")
            return
        }
        do {
            guard case .ok(let benefits) = try await answers.benefits() else { return }
            var read = ConnectionBenefits()
            read.benefits = benefits
            for id in benefits.compactMap(\.benefitID) where read.enrollments[id] == nil {
                guard case .ok(let items) = try await answers.benefitEnrollments(id) else { return }
                read.enrollments[id] = items
            }
            data.benefits = read
        } catch let failure as FinchFailure where failure.code != "reauth_required" {
            // A reauth is the whole connection's (the caller records it); anything else costs only
            // its benefits.
            data.errors.append(failure)
            data.degrade(to: .partial)
        } catch is StoredAnswers.NotStored {
            // Rendered from answers of a run that did not read them (`--only` reusing an earlier
            // run's answers, say): said, so an empty benefits report is not taken for "none".
            data.notes.add("benefits_not_stored", report: "benefits", column: "benefits")
        }
    }

    /// Whether `product` was granted; if not, a data note and the connection is partial.
    private func granted(
        _ product: String, report: String, in products: Set<String>, _ data: inout ConnectionFacts
    ) -> Bool {
        guard products.contains(product) else {
            data.notes.add("product_not_granted", report: report, column: product)
            data.degrade(to: .partial)
            return false
        }
        return true
    }

    /// The company, the directory and its people; false when Finch answered 202.
    private func readOrganization(
        products: Set<String>, into data: inout ConnectionFacts, sink: (any ConnectionRowSink)?,
        statements: StatementHandoff?
    ) async throws -> Bool {
        if granted("company", report: "connections", in: products, &data) {
            guard case .ok = try await answers.company() else { return false }
        }
        guard granted("directory", report: "employees", in: products, &data) else { return true }
        guard case .ok(let entries) = try await answers.directory() else { return false }
        data.directoryCount = entries.count
        let hasIDs = entries.contains { !($0.id ?? "").isEmpty }
        let wanted = (
            individuals: hasIDs && granted("individual", report: "employees", in: products, &data),
            employments: hasIDs && granted("employment", report: "employees", in: products, &data)
        )
        return try await readPeople(entries, wanted: wanted, into: &data, sink: sink, statements: statements)
    }

    /// The period's payments and their statements; false when Finch answered 202.
    private func readPayroll(
        products: Set<String>, into data: inout ConnectionFacts, sink: (any ConnectionRowSink)?,
        statements: StatementHandoff?
    ) async throws -> Bool {
        guard granted("payment", report: "payments", in: products, &data) else { return true }
        guard case .ok(let answered) = try await answers.payments(in: period) else { return false }
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
        let read = try await answers.payStatementPages(paymentIDs) { try await statements?.hand($0) }
        guard case .ok(let results) = read else { return false }
        // By payment, not in the dictionary's order (which differs per process, and per
        // dictionary): the errors run.json lists, and a rendering's data, are the same every time.
        for (payment, result) in results.sorted(by: { $0.key < $1.key }) {
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

    private func pending(_ data: inout ConnectionFacts) {
        data.degrade(to: .pending)
        data.message = data.message ?? "Finch answered 202: the connection's data is not ready yet."
    }

    /// A call that failed for the whole connection (SPEC §8): reauth, or failed.
    private func record(_ failure: FinchFailure, into data: inout ConnectionFacts) {
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
