import Foundation

/// Agents to schedule so that `required` remain available after shrinkage.
///
/// `scheduled = ⌈required / (1 − shrinkage)⌉`, shrinkage being the fraction of paid time not available
/// for contacts (breaks, training, absence), in [0, 1). The quotient is rounded up after removing a
/// relative 1e−9, so that 14 / 0.7 = 20.000000000000004 in floating point gives 20, not 21.
/// Source: the usual planning definition, e.g. Call Centre Helper, "Erlang C Formula – Made Simple".
public enum Shrinkage {
    public static func scheduled(required: Int, shrinkage: Double) -> Int {
        precondition(required >= 0, "required agents must be ≥ 0 (got \(required))")
        precondition(shrinkage >= 0 && shrinkage < 1, "shrinkage must be in [0, 1) (got \(shrinkage))")
        let quotient = Double(required) / (1 - shrinkage)
        return Int((quotient * (1 - 1e-9)).rounded(.up))
    }
}
