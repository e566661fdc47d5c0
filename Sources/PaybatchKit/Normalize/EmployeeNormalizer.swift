/// Directory + individual + employment → one `EmployeeRow` per directory entry (SPEC §8 "Rows"):
/// inactive people included; employment columns empty when its item failed; department,
/// manager and is_active from employment, else from the directory.
public struct EmployeeNormalizer: Sendable {
    public let identity: ConnectionIdentity
    static let report = "employees"

    public init(identity: ConnectionIdentity) { self.identity = identity }

    /// The rows, sorted by individual_id, and the notes found on the way. Entries without an id
    /// cannot be joined to anything and are counted as `missing_id`.
    public func rows(
        directory: [DirectoryEntry], individuals: [IndividualID: ItemResult<WireIndividual>],
        employments: [IndividualID: ItemResult<WireEmployment>]
    ) -> (rows: [EmployeeRow], notes: DataNotes) {
        var context = NormalizationContext()
        var rows: [EmployeeRow] = []
        rows.reserveCapacity(directory.count)
        for entry in directory {
            guard let rawID = entry.id, !rawID.isEmpty else {
                context.notes.add("missing_id", report: Self.report, column: "individual_id")
                continue
            }
            let id = IndividualID(rawID)
            let individual: WireIndividual? = if case .ok(let value) = individuals[id] { value } else { nil }
            let employment: WireEmployment? = if case .ok(let value) = employments[id] { value } else { nil }
            rows.append(
                row(id: id, entry: entry, individual: individual, employment: employment, context: &context))
        }
        rows.sort { $0.individualID < $1.individualID }
        return (rows, context.notes)
    }

    func row(
        id: IndividualID, entry: DirectoryEntry, individual: WireIndividual?, employment: WireEmployment?,
        context: inout NormalizationContext
    ) -> EmployeeRow {
        let r = Self.report
        context.nullElements(individual?.emails, report: r, column: "work_email")
        context.nullElements(individual?.phoneNumbers, report: r, column: "phone_numbers")
        context.nullElements(employment?.incomeHistory, report: r, column: "income_history")
        let isActive = employment?.isActive?.value ?? entry.isActive?.value
        let status = context.enumeration(employment?.employmentStatus, report: r, column: "employment_status")
        if let isActive, let status, Self.disagrees(isActive: isActive, status: status) {
            context.notes.add("status_disagrees", report: r, column: "is_active")
        }
        let income = employment?.income
        return EmployeeRow(
            identity: identity, individualID: id, sourceID: employment?.effectiveSourceID,
            firstName: individual?.firstName ?? employment?.firstName ?? entry.firstName,
            middleName: individual?.middleName ?? employment?.middleName ?? entry.middleName,
            lastName: individual?.lastName ?? employment?.lastName ?? entry.lastName,
            preferredName: individual?.preferredName,
            workEmail: individual?.firstEmail(of: .work),
            personalEmail: individual?.firstEmail(of: .personal),
            title: employment?.title,
            department: employment?.department?.name ?? entry.department?.name,
            managerID: (employment?.manager?.id ?? entry.manager?.id).map(IndividualID.init),
            employmentType: context.enumeration(
                employment?.employment?.type, report: r, column: "employment_type"),
            employmentSubtype: context.enumeration(
                employment?.employment?.subtype, report: r, column: "employment_subtype"),
            employmentStatus: status, isActive: isActive,
            startDate: context.date(employment?.startDate, report: r, column: "start_date"),
            endDate: context.date(employment?.endDate, report: r, column: "end_date"),
            latestRehireDate: context.date(
                employment?.latestRehireDate, report: r, column: "latest_rehire_date"),
            flsaStatus: context.enumeration(employment?.flsaStatus, report: r, column: "flsa_status"),
            incomeAmount: income?.amount?.cents, incomeCurrency: income?.currency?.currencyCode,
            incomeUnit: context.enumeration(income?.unit, report: r, column: "income_unit"),
            incomeEffectiveDate: context.date(
                income?.effectiveDate, report: r, column: "income_effective_date"),
            workCity: employment?.location?.city, workState: employment?.location?.state,
            workCountry: employment?.location?.country)
    }

    /// `is_active` and `employment_status` can disagree (API.md §13); both are kept as they came,
    /// and the disagreement is noted. Only the unambiguous statuses are compared.
    static func disagrees(isActive: Bool, status: String) -> Bool {
        switch status {
        case "active": !isActive
        case "terminated", "retired", "deceased": isActive
        default: false
        }
    }
}
