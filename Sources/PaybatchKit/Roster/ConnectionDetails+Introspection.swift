extension ConnectionDetails {
    /// What the store keeps of an `/introspect` answer. `fallbackProvider` (the roster file's
    /// `provider_id`) fills in only when Finch gave none; an absent status is kept as `unknown`.
    public init(introspection: Introspection, fallbackProvider: ProviderID? = nil) {
        let status = introspection.connectionStatus
        self.init(
            companyID: introspection.companyID.map(CompanyID.init),
            providerID: introspection.effectiveProviderID.map(ProviderID.init) ?? fallbackProvider,
            clientType: introspection.clientType?.rawValue,
            connectionType: introspection.connectionType?.rawValue,
            assisted: introspection.isAssisted,
            products: introspection.products?.present ?? [],
            status: ConnectionStatus(status?.status?.rawValue ?? "unknown"),
            statusMessage: status?.message,
            lastSuccessfulSync: status?.lastSuccessfulSync, entities: ConnectionEntity.all(in: introspection))
    }
}
