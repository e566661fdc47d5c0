/// At most `capacity` admissions in any trailing window of `window` seconds (SPEC §3).
/// The window is half-open, (t − window, t]: a request exactly `window` after the oldest one it
/// counts against is admitted, so a client that paces exactly is never refused.
struct SlidingWindow: Sendable {
    let capacity: Int
    let window: Double
    private var times: [Double] = []
    private var head = 0

    init(capacity: Int, window: Double) {
        self.capacity = capacity
        self.window = window
    }

    /// Admits at time `t` (seconds) and returns nil, or refuses and returns the seconds until a slot frees.
    mutating func admit(at t: Double) -> Double? {
        while head < times.count, times[head] <= t - window { head += 1 }
        if head > 1024 {
            times.removeFirst(head)
            head = 0
        }
        if times.count - head < capacity {
            times.append(t)
            return nil
        }
        return times[times.count - capacity] + window - t
    }

    /// Admissions inside the window ending at `t`.
    func count(at t: Double) -> Int { times[head...].filter { $0 > t - window }.count }
}
