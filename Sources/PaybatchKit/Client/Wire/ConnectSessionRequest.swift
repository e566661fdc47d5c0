/// `POST /connect/sessions` body.
public struct ConnectSessionRequest: Encodable, Sendable {
    public var customerID: String
    public var customerName: String
    public var products: [String]
    public var customerEmail: String?
    public var redirectURI: String?
    public var minutesToExpire: Int?
    public var sandbox: String?

    enum CodingKeys: String, CodingKey {
        case products, sandbox
        case customerID = "customer_id"
        case customerName = "customer_name"
        case customerEmail = "customer_email"
        case redirectURI = "redirect_uri"
        case minutesToExpire = "minutes_to_expire"
    }

    public init(
        customerID: String, customerName: String, products: [String], customerEmail: String? = nil,
        redirectURI: String? = nil, minutesToExpire: Int? = nil, sandbox: String? = nil
    ) {
        self.customerID = customerID
        self.customerName = customerName
        self.products = products
        self.customerEmail = customerEmail
        self.redirectURI = redirectURI
        self.minutesToExpire = minutesToExpire
        self.sandbox = sandbox
    }
}
