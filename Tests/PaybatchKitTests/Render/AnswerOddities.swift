import Foundation
import PaybatchKit
import PaybatchTestSupport

/// Oddities a test adds to the sandbox's answers, so that stored runs hold what the reader must read
/// as the fetch did: products not granted, people without an id or sharing one, batch items left
/// out, failed, pending, doubled or not asked for, null and unreadable statements, payments outside
/// the period or without an id, page counts past the statements, directories without a count, and
/// data calls answered 202. Drawn per request from the seed, so a request asked again (by a resumed
/// fetch) gets the same answer; introspect's products per connection.
struct AnswerOddities: Sendable {
    var seed: UInt64
    /// How often each oddity comes, relative to the rates below: 0 leaves the sandbox's answers be.
    var rate: Double
    /// The chance that a data call answers 202: the fetch of the connection waits there.
    var pending: Double

    func apply(to response: HTTPResponse, of request: HTTPRequest) -> HTTPResponse {
        guard let endpoint = request.context.endpoint, let connection = request.context.connectionID,
            response.status == 200
        else { return response }
        var draws = SeededRandom(
            seed: Self.hash([
                "\(seed)", connection.rawValue, endpoint.rawValue, request.url.query ?? "",
                String(decoding: request.body ?? Data(), as: UTF8.self),
            ]))
        if endpoint != .introspect, draws.chance(pending) {
            return HTTPResponse(
                status: 202, headers: response.headers,
                body: Data(#"{"code":202,"name":"accepted","message":"The data is being synced."}"#.utf8))
        }
        // Some answers as they came (re-encoding them all would cost most of the test's time);
        // the sandbox's garbage (its fault plan) stays as it came too.
        guard rate > 0, [.introspect, .directory, .payment].contains(endpoint) || draws.chance(0.4),
            let json = try? JSONSerialization.jsonObject(with: response.body)
        else { return response }
        let odd: Any
        switch endpoint {
        case .introspect:
            var perConnection = SeededRandom(seed: Self.hash(["\(seed)", connection.rawValue]))
            odd = products(json, &perConnection)
        case .directory: odd = directory(json, &draws)
        case .individual, .employment: odd = items(json, idKey: "individual_id", &draws)
        case .payment: odd = payments(json, &draws)
        case .payStatement: odd = statements(items(json, idKey: "payment_id", &draws), &draws)
        default: return response
        }
        var changed = response
        changed.body = (try? JSONSerialization.data(withJSONObject: odd)) ?? response.body
        return changed
    }

    /// One product taken away, or the whole list.
    private func products(_ json: Any, _ draws: inout SeededRandom) -> Any {
        guard var object = json as? [String: Any], var products = object["products"] as? [Any] else {
            return json
        }
        let u = draws.unit()
        if u < 0.15 * rate, !products.isEmpty {
            products.remove(at: Int(draws.next() % UInt64(products.count)))
            object["products"] = products
        } else if u < 0.17 * rate {
            object["products"] = NSNull()
        }
        return object
    }

    /// People without an id (null, empty), with the id of the one before, or null; no count.
    private func directory(_ json: Any, _ draws: inout SeededRandom) -> Any {
        guard var page = json as? [String: Any], var people = page["individuals"] as? [Any] else {
            return json
        }
        var previousID: Any?
        for index in people.indices {
            guard var entry = people[index] as? [String: Any] else { continue }
            let id = entry["id"]
            let u = draws.unit()
            if u < 0.04 * rate {
                entry["id"] = NSNull()
            } else if u < 0.06 * rate {
                entry["id"] = ""
            } else if u < 0.09 * rate, let previousID {
                entry["id"] = previousID
            } else if u < 0.10 * rate {
                people[index] = NSNull()
                continue
            }
            previousID = id
            people[index] = entry
        }
        page["individuals"] = people
        if draws.chance(0.3 * rate), var paging = page["paging"] as? [String: Any] {
            paging["count"] = NSNull()
            page["paging"] = paging
        }
        return page
    }

    /// Batch items left out, failed, pending, doubled, not asked for, or unreadable.
    private func items(_ json: Any, idKey: String, _ draws: inout SeededRandom) -> Any {
        guard var answer = json as? [String: Any], let items = answer["responses"] as? [Any] else {
            return json
        }
        var kept: [Any] = []
        for item in items {
            guard var object = item as? [String: Any] else {
                kept.append(item)
                continue
            }
            let u = draws.unit()
            if u < 0.03 * rate {
                continue
            } else if u < 0.06 * rate {
                object["code"] = 500
                object["body"] = [
                    "code": 500, "name": "server_error", "finch_code": "internal_error",
                    "message": "Something went wrong.",
                ]
            } else if u < 0.09 * rate {
                object["code"] = 202
                object["body"] = [
                    "code": 202, "name": "accepted", "finch_code": "data_sync_in_progress",
                    "message": "The data is being synced.",
                ]
            } else if u < 0.11 * rate {
                kept.append(object)
            } else if u < 0.12 * rate {
                var stranger = object
                stranger[idKey] = "not-asked-\(draws.next() % 1000)"
                kept.append(stranger)
            } else if u < 0.13 * rate {
                object["body"] = 7
            } else if u < 0.15 * rate, var body = object["body"] as? [String: Any],
                var paging = body["paging"] as? [String: Any], let count = paging["count"] as? Int
            {
                paging["count"] = count + 3
                body["paging"] = paging
                object["body"] = body
            }
            kept.append(object)
        }
        answer["responses"] = kept
        return answer
    }

    /// Payments outside the period, undated, without an id, doubled, unknown to Finch, or null.
    private func payments(_ json: Any, _ draws: inout SeededRandom) -> Any {
        guard var list = json as? [Any], let first = list.first as? [String: Any] else { return json }
        func variant(_ change: (inout [String: Any]) -> Void) {
            var payment = first
            change(&payment)
            list.append(payment)
        }
        if draws.chance(0.25 * rate) { variant { $0["pay_date"] = "2025-01-15" } }
        if draws.chance(0.05 * rate) { variant { $0["pay_date"] = NSNull() } }
        if draws.chance(0.05 * rate) { variant { $0["id"] = NSNull() } }
        if draws.chance(0.04 * rate) { list.append(first) }
        if draws.chance(0.04 * rate) { variant { $0["id"] = "unknown-\(draws.next() % 1000)" } }
        if draws.chance(0.03 * rate) { list.insert(NSNull(), at: 0) }
        return list
    }

    /// Statements that are null or not objects.
    private func statements(_ json: Any, _ draws: inout SeededRandom) -> Any {
        guard var answer = json as? [String: Any], var items = answer["responses"] as? [Any] else {
            return json
        }
        for index in items.indices {
            guard var item = items[index] as? [String: Any], var body = item["body"] as? [String: Any],
                var statements = body["pay_statements"] as? [Any]
            else { continue }
            for position in statements.indices {
                let u = draws.unit()
                if u < 0.03 * rate {
                    statements[position] = NSNull()
                } else if u < 0.05 * rate {
                    statements[position] = 42
                }
            }
            body["pay_statements"] = statements
            item["body"] = body
            items[index] = item
        }
        answer["responses"] = items
        return answer
    }

    /// FNV-1a over the parts: a stable seed per request (Swift's `Hasher` changes per process).
    static func hash(_ parts: [String]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return value
    }
}

extension SeededRandom {
    /// A uniform draw in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }
}
