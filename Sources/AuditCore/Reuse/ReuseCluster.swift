import AuditDocument
import Foundation

/// A passage shared by several reports, for reuse.md and reuse.csv.
public struct ReuseCluster: Sendable {
    public struct Member: Sendable { public var file: String; public var agency: String?; public var line: Int; public var date: ReportDate?; public var excerpt: String }
    public var excerpt: String
    public var members: [Member]

    /// The earliest-dated member, when more than one date is known ("who copied whom").
    public var earliest: Member? {
        let dated = members.filter { $0.date != nil }
        guard dated.count >= 2 else { return nil }
        return dated.min { ($0.date!, $0.file) < ($1.date!, $1.file) }
    }

    /// Connected passages: spans that overlap in one report join their clusters.
    static func build(_ docs: [NarrativeDocument?], _ passages: [SharedPassage]) -> [ReuseCluster] {
        struct Instance { var doc: Int; var start: Int; var end: Int }
        var instances: [Instance] = []
        for p in passages {
            instances.append(Instance(doc: p.a, start: p.aStart, end: p.aEnd))
            instances.append(Instance(doc: p.b, start: p.bStart, end: p.bEnd))
        }
        var parent = Array(instances.indices)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        func union(_ x: Int, _ y: Int) { let a = find(x), b = find(y); if a != b { parent[max(a, b)] = min(a, b) } }
        for i in stride(from: 0, to: instances.count, by: 2) { union(i, i + 1) }
        let order = instances.indices.sorted { (instances[$0].doc, instances[$0].start) < (instances[$1].doc, instances[$1].start) }
        for (x, y) in zip(order, order.dropFirst()) where instances[x].doc == instances[y].doc && instances[y].start < instances[x].end { union(x, y) }
        var groups: [Int: [Int]] = [:]
        for i in instances.indices { groups[find(i), default: []].append(i) }
        var clusters: [ReuseCluster] = []
        for root in groups.keys.sorted() {
            var byDoc: [Int: Instance] = [:]
            for i in groups[root]! {
                let inst = instances[i]
                if let e = byDoc[inst.doc] { byDoc[inst.doc] = Instance(doc: inst.doc, start: min(e.start, inst.start), end: max(e.end, inst.end)) } else { byDoc[inst.doc] = inst }
            }
            let members = byDoc.keys.sorted().map { d -> Member in
                let inst = byDoc[d]!, doc = docs[d]!   // every passage is between loaded documents
                return Member(file: doc.file, agency: doc.agency, line: doc.line(at: inst.start), date: doc.date, excerpt: doc.excerpt(inst.start, inst.end, limit: 400))
            }
            clusters.append(ReuseCluster(excerpt: members[0].excerpt, members: members))
        }
        // Most widely shared first; then by where they appear, so the order is total.
        return clusters.sorted { x, y in
            if x.members.count != y.members.count { return x.members.count > y.members.count }
            let kx = x.members.map { "\($0.file)\u{0}\($0.line)" }, ky = y.members.map { "\($0.file)\u{0}\($0.line)" }
            return kx.lexicographicallyPrecedes(ky) { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        }
    }
}
