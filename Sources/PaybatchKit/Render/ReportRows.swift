import Foundation

// The normalized rows answer the report writers cell by cell, by field.

extension EmployeeRow: ReportRow {
    public func cell(_ field: EmployeesField) -> Cell {
        switch field {
        case .customerID: Cell(identity.customerID)
        case .customerName: Cell(identity.customerName)
        case .companyID: Cell(identity.companyID)
        case .connectionID: Cell(identity.connectionID)
        case .entityID: Cell(identity.entityID)
        case .entityName: Cell(identity.entityName)
        case .providerID: Cell(identity.providerID)
        case .individualID: Cell(individualID)
        case .sourceID: Cell(sourceID)
        case .firstName: Cell(firstName)
        case .middleName: Cell(middleName)
        case .lastName: Cell(lastName)
        case .preferredName: Cell(preferredName)
        case .workEmail: Cell(workEmail)
        case .personalEmail: Cell(personalEmail)
        case .title: Cell(title)
        case .department: Cell(department)
        case .managerID: Cell(managerID)
        case .employmentType: Cell(employmentType)
        case .employmentSubtype: Cell(employmentSubtype)
        case .employmentStatus: Cell(employmentStatus)
        case .isActive: Cell(isActive)
        case .startDate: Cell(startDate)
        case .endDate: Cell(endDate)
        case .latestRehireDate: Cell(latestRehireDate)
        case .flsaStatus: Cell(flsaStatus)
        case .incomeAmount: Cell(incomeAmount)
        case .incomeCurrency: Cell(incomeCurrency)
        case .incomeUnit: Cell(incomeUnit)
        case .incomeEffectiveDate: Cell(incomeEffectiveDate)
        case .workCity: Cell(workCity)
        case .workState: Cell(workState)
        case .workCountry: Cell(workCountry)
        }
    }
}

extension PaymentRow: ReportRow {
    public func cell(_ field: PaymentsField) -> Cell {
        switch field {
        case .customerID: Cell(identity.customerID)
        case .customerName: Cell(identity.customerName)
        case .companyID: Cell(identity.companyID)
        case .connectionID: Cell(identity.connectionID)
        case .entityID: Cell(identity.entityID)
        case .entityName: Cell(identity.entityName)
        case .providerID: Cell(identity.providerID)
        case .paymentID: Cell(paymentID)
        case .payDate: Cell(payDate)
        case .debitDate: Cell(debitDate)
        case .periodStart: Cell(periodStart)
        case .periodEnd: Cell(periodEnd)
        case .currency: Cell(currency)
        case .grossPay: Cell(grossPay)
        case .netPay: Cell(netPay)
        case .employerTaxes: Cell(employerTaxes)
        case .employeeTaxes: Cell(employeeTaxes)
        case .companyDebit: Cell(companyDebit)
        case .individualCount: Cell(individualCount)
        case .payFrequencies: Cell(payFrequencies)
        case .payStatementsStatus: .text(payStatementsStatus.rawValue)
        }
    }
}

extension PayStatementRow: ReportRow {
    public func cell(_ field: PayStatementsField) -> Cell {
        switch field {
        case .customerID: Cell(identity.customerID)
        case .customerName: Cell(identity.customerName)
        case .companyID: Cell(identity.companyID)
        case .connectionID: Cell(identity.connectionID)
        case .entityID: Cell(identity.entityID)
        case .entityName: Cell(identity.entityName)
        case .paymentID: Cell(paymentID)
        case .payDate: Cell(payDate)
        case .individualID: Cell(individualID)
        case .type: Cell(type)
        case .paymentMethod: Cell(paymentMethod)
        case .totalHours: Cell(decimal: totalHours)
        case .currency: Cell(currency)
        case .grossPay: Cell(grossPay)
        case .netPay: Cell(netPay)
        case .earnings: Cell(earnings)
        case .employeeTaxes: Cell(employeeTaxes)
        case .employerTaxes: Cell(employerTaxes)
        case .employeeDeductions: Cell(employeeDeductions)
        case .employerContributions: Cell(employerContributions)
        }
    }
}

extension PayStatementLineRow: ReportRow {
    public func cell(_ field: PayStatementLinesField) -> Cell {
        switch field {
        case .customerID: Cell(identity.customerID)
        case .customerName: Cell(identity.customerName)
        case .connectionID: Cell(identity.connectionID)
        case .entityID: Cell(identity.entityID)
        case .entityName: Cell(identity.entityName)
        case .paymentID: Cell(paymentID)
        case .individualID: Cell(individualID)
        case .payDate: Cell(payDate)
        case .category: .text(category.rawValue)
        case .type: Cell(type)
        case .name: Cell(name)
        case .amount: Cell(amount)
        case .currency: Cell(currency)
        case .hours: Cell(decimal: hours)
        case .employer: Cell(employer)
        case .preTax: Cell(preTax)
        }
    }
}

extension Cell {
    /// An exact decimal such as hours, as its own text (`Decimal` prints without float noise).
    init(decimal value: Decimal?) { self = value.map { .decimal("\($0)") } ?? .empty }
}
