import Testing

/// The rehearsals, one after another: each moves a gigabyte under pgbench load, and three at once on
/// a two-core machine starve the timing-sensitive suites beside them.
@Suite("Rehearsals", .serialized)
enum Rehearsals {}
