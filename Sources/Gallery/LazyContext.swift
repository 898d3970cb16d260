import Mustache

/// A template context whose costly values are computed only when a template asks for them:
/// the default theme shows pre-rendered `cards`, so the per-image list behind them is built
/// only for custom themes that iterate it.
public struct LazyContext: MustacheParent {
    public var values: [String: Any]
    public var deferred: [String: () -> Any]

    public init(values: [String: Any], deferred: [String: () -> Any] = [:]) {
        self.values = values
        self.deferred = deferred
    }

    public func child(named name: String) -> Any? {
        values[name] ?? deferred[name].map { $0() }
    }

    /// This context with more plain values.
    public func adding(_ more: [String: Any]) -> LazyContext {
        LazyContext(values: values.merging(more) { _, new in new }, deferred: deferred)
    }
}
