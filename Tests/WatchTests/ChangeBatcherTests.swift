import Foundation
import XCTest
@testable import Watch

final class ChangeBatcherTests: XCTestCase {
    func testBatchIsReadyOnlyAfterQuiet() {
        let batcher = ChangeBatcher(quiet: 0.15)
        let start = Date(timeIntervalSince1970: 1000)
        batcher.add(.changed(path: "/s/prompts/a.yaml"), at: start)
        batcher.add(.changed(path: "/s/prompts/a.yaml"), at: start.addingTimeInterval(0.1))
        batcher.add(.changed(path: "/s/prompts/b.yaml"), at: start.addingTimeInterval(0.12))
        XCTAssertNil(batcher.takeIfSettled(now: start.addingTimeInterval(0.2)), "events 80 ms ago: not settled")
        let batch = batcher.takeIfSettled(now: start.addingTimeInterval(0.3))
        XCTAssertEqual(batch?.paths, ["/s/prompts/a.yaml", "/s/prompts/b.yaml"])
        XCTAssertNil(batcher.takeIfSettled(now: start.addingTimeInterval(1)), "taken once")
    }

    func testFilesRenamedIntoPlaceSettleSooner() {
        let batcher = ChangeBatcher(quiet: 0.1, settle: 0.02)
        let start = Date(timeIntervalSince1970: 1000)
        batcher.add(.changed(path: "/s/prompts/a.yaml", complete: true), at: start)
        XCTAssertNil(batcher.takeIfSettled(now: start.addingTimeInterval(0.01)))
        XCTAssertEqual(batcher.takeIfSettled(now: start.addingTimeInterval(0.025))?.paths, ["/s/prompts/a.yaml"])
        // A plain write still waits for the writer to go quiet, even if a rename follows it.
        batcher.add(.changed(path: "/s/prompts/b.yaml"), at: start)
        batcher.add(.changed(path: "/s/prompts/c.yaml", complete: true), at: start.addingTimeInterval(0.01))
        XCTAssertNil(batcher.takeIfSettled(now: start.addingTimeInterval(0.05)))
        XCTAssertEqual(batcher.takeIfSettled(now: start.addingTimeInterval(0.1))?.paths, ["/s/prompts/b.yaml", "/s/prompts/c.yaml"])
    }

    func testWaitingTakerWakesWhenABatchSettles() {
        let batcher = ChangeBatcher(quiet: 0.05, settle: 0.01)
        XCTAssertNil(batcher.waitForBatch(timeout: 0.02), "nothing happened")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { batcher.add(.changed(path: "/s/prompts/a.yaml", complete: true)) }
        let started = Date()
        XCTAssertEqual(batcher.waitForBatch(timeout: 5)?.paths, ["/s/prompts/a.yaml"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "woken by the event, not by the timeout")
    }

    func testEditorTemporaryFilesAreIgnored() {
        let batcher = ChangeBatcher(quiet: 0)
        for name in [".a.yaml.swp", "a.yaml~", ".#a.yaml", "4913", ".medsynth-tmp-x"] {
            batcher.add(.changed(path: "/s/prompts/\(name)"))
        }
        XCTAssertNil(batcher.takeIfSettled(now: Date().addingTimeInterval(1)))
    }

    func testRescanReasonsAreKept() {
        let batcher = ChangeBatcher(quiet: 0)
        batcher.add(.rescan(reason: "inotify queue overflowed"))
        XCTAssertEqual(batcher.takeIfSettled(now: Date().addingTimeInterval(1))?.rescanReasons, ["inotify queue overflowed"])
    }

    func testWatcherReportsWritesRenamesAndNewFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = FileWatcher(recursive: [root], shallow: [])
        try watcher.start()
        let collected = Collected()
        let reader = Task { for await event in watcher.events { collected.append(event) } }

        try Data("a".utf8).write(to: root.appendingPathComponent("plain.yaml"))
        try Data("b".utf8).write(to: root.appendingPathComponent("saved.yaml"), options: .atomic)  // temp + rename
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        Thread.sleep(forTimeInterval: 0.2)
        try Data("c".utf8).write(to: root.appendingPathComponent("sub/inner.yaml"))
        Thread.sleep(forTimeInterval: 0.3)
        watcher.stop()
        reader.cancel()

        let events = collected.events
        XCTAssertTrue(events.contains(.changed(path: root.appendingPathComponent("plain.yaml").path)), "\(events)")
        XCTAssertTrue(events.contains(.changed(path: root.appendingPathComponent("saved.yaml").path, complete: true)),
                      "a rename into place is whole: \(events)")
        XCTAssertTrue(events.contains { if case .rescan = $0 { true } else { false } }, "a new folder asks for a rescan: \(events)")
        XCTAssertTrue(events.contains(.changed(path: root.appendingPathComponent("sub/inner.yaml").path)), "the new folder is watched: \(events)")
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [WatchEvent] = []
    func append(_ event: WatchEvent) { lock.lock(); list.append(event); lock.unlock() }
    var events: [WatchEvent] { lock.lock(); defer { lock.unlock() }; return list }
}
