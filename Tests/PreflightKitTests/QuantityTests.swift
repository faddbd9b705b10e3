import Testing
@testable import PreflightKit

@Suite("Units and versions")
struct QuantityTests {
    @Test(arguments: [
        ("1 TB", 1e12), ("500GB", 5e11), ("1.5 TiB", 1.5 * 1_099_511_627_776), ("250 mb", 2.5e8), ("0", 0),
        ("1,200 GB", 1.2e12),
    ])
    func dataSizes(text: String, bytes: Double) throws {
        #expect(try DataSize.parse(text).get().bytes == bytes)
    }

    @Test(arguments: ["1 TX", "TB", "", "-5GB", "12"])
    func rejectsMalformedSizes(text: String) {
        #expect(throws: QuantityParseError.self) { try DataSize.parse(text).get() }
    }

    @Test(arguments: [
        ("20m", 1200.0), ("1h30m", 5400), ("1 h 30 min", 5400), ("90 min", 5400), ("45s", 45), ("2 hours", 7200),
        ("0", 0), ("500ms", 0.5), ("1d", 86400),
    ])
    func durations(text: String, seconds: Double) throws {
        #expect(try TimeSpan.parse(text).get().seconds == seconds)
    }

    @Test(arguments: ["20", "m20", "20 parsecs", "", "1h 30"])
    func rejectsMalformedDurations(text: String) {
        #expect(throws: QuantityParseError.self) { try TimeSpan.parse(text).get() }
    }

    @Test func printsDurationsCompactly() {
        #expect(TimeSpan(seconds: 5400).description == "1h30m")
        #expect(TimeSpan(seconds: 20 * 60).description == "20m")
        #expect(TimeSpan(seconds: 0).description == "0s")
    }

    @Test func percentagesAndThroughputs() throws {
        #expect(try Percentage.parse("0.5%").get().value == 0.5)
        #expect(throws: QuantityParseError.self) { try Percentage.parse("0.5").get() }
        #expect(try Throughput.parse("250MB/s").get().bytesPerSecond == 2.5e8)
        #expect(try Throughput.parse("100 GB/h").get().bytesPerSecond == 1e11 / 3600)
        #expect(try Throughput.parse("10Gbps").get().bytesPerSecond == 1.25e9)
        #expect(try Throughput.parse("1 Gb/s").get().bytesPerSecond == 1.25e8)
        #expect(throws: QuantityParseError.self) { try Throughput.parse("250MB").get() }
    }

    @Test func throughputTimesASize() throws {
        let rate = try Throughput.parse("100 GB/h").get()
        #expect(rate.time(for: try DataSize.parse("1 TB").get()).seconds == 36000)
    }

    @Test func versionsCompareNumerically() throws {
        let v = { (text: String) in try Version.parse(text).get() }
        #expect(try v("9.6").compare(atPrecisionOf: v("12")) < 0)
        #expect(try v("12.17").compare(atPrecisionOf: v("12.9")) > 0)
        #expect(try v("15.5").compare(atPrecisionOf: v("15")) == 0)
        #expect(try v("8.0.35").compare(atPrecisionOf: v("8.0")) == 0)
        #expect(try v("8.4.1").compare(atPrecisionOf: v("8.0")) > 0)
        #expect(try v("19c").major == 19)
        #expect(try v("v14.2").components == [14, 2])
    }

    @Test(arguments: ["", "abc", "1..2", "15.x", ".5"])
    func rejectsMalformedVersions(text: String) {
        #expect(throws: QuantityParseError.self) { try Version.parse(text).get() }
    }
}
