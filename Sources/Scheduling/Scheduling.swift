/// Roster formulation and rule checker. Filled by the roster issue.
public enum Scheduling {}
