import Foundation

/// One person of one connection: directory, individual and employment merged (employees.csv).
public struct EmployeeRow: Sendable, Equatable {
    public var identity: ConnectionIdentity
    public var individualID: IndividualID
    public var sourceID: String?
    public var firstName: String?
    public var middleName: String?
    public var lastName: String?
    public var preferredName: String?
    public var workEmail: String?
    public var personalEmail: String?
    public var title: String?
    public var department: String?
    public var managerID: IndividualID?
    public var employmentType: String?
    public var employmentSubtype: String?
    public var employmentStatus: String?
    public var isActive: Bool?
    public var startDate: CalendarDate?
    public var endDate: CalendarDate?
    public var latestRehireDate: CalendarDate?
    public var flsaStatus: String?
    public var incomeAmount: Cents?
    public var incomeCurrency: String?
    public var incomeUnit: String?
    public var incomeEffectiveDate: CalendarDate?
    public var workCity: String?
    public var workState: String?
    public var workCountry: String?
}
