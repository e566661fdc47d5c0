extension ConnectionReader {
    /// People decoded and handed to the sink together.
    static var peoplePerPart: Int { 256 }

    private typealias Individuals = DataFetch<PersonAnswers<WireIndividual>>
    private typealias Employments = DataFetch<PersonAnswers<WireEmployment>>

    /// Individuals and employments a batch at a time (one call each per batch, as SPEC §8 counts),
    /// each batch handed to the sink with its directory entries; false when Finch answered 202.
    func readPeople(
        _ entries: [DirectoryEntry], wanted: (individuals: Bool, employments: Bool),
        into data: inout ConnectionFacts, sink: (any ConnectionRowSink)?, statements: StatementHandoff?
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
            while next < entries.endIndex, chunk.count < answers.limits.individualsPerCall {
                if hasID(entries[next]) { chunk.append(entries[next]) }
                next += 1
            }
            if chunk.isEmpty { break }
            let ids = chunk.map { IndividualID($0.id ?? "") }
            let answered: (Individuals, Employments)
            do {
                answered = try await people(ids, wanted: wanted)
            } catch {
                try await takeSink()
                throw error
            }
            try await takeSink()
            guard case (.ok(let individuals), .ok(let employments)) = answered else { return false }
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

    /// One batch's individual and employment answers (those wanted); employments are not asked
    /// for once individuals answered 202.
    private func people(
        _ ids: [IndividualID], wanted: (individuals: Bool, employments: Bool)
    ) async throws -> (Individuals, Employments) {
        let first = wanted.individuals ? try await answers.individuals(ids) : .ok(PersonAnswers())
        guard case .ok = first else { return (first, .ok(PersonAnswers())) }
        return (first, wanted.employments ? try await answers.employments(ids) : .ok(PersonAnswers()))
    }

    private func recordItemFailures<T>(
        _ items: some Sequence<ItemResult<T>>, into data: inout ConnectionFacts
    ) {
        for case .failed(let failure) in items {
            data.errors.append(failure)
            data.degrade(to: .partial)
        }
    }
}
