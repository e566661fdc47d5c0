/// The column lists both backends select their records with: each backend's row reader reads
/// these columns by position, so the list and the readers' indices stay one thing to change.
enum StoreColumns {
    static let connection = """
        connection_id, customer_id, company_id, provider_id, client_type, connection_type, assisted,
        products, status, status_message, last_successful_sync, created_at, added_at, updated_at,
        disconnected_at, disconnect_source, disconnect_time_estimated, token_fingerprint, token_hint,
        entities
        """

    static let response =
        "run_id, connection_id, request_key, endpoint, http_status, request_id, data_retrieved, created_at, entity_id"

    static let run = "run_id, period, command, started_at, finished_at, status, exit_code, options"
}
