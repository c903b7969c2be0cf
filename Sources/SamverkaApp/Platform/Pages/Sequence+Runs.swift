extension Sequence {
    /// The elements in runs of neighbours with the same key, in order: a sorted list of
    /// activities cut into days, or a day into the hours they start.
    func runs<Key: Equatable>(by key: (Element) throws -> Key) rethrows -> [(key: Key, items: [Element])] {
        var runs: [(key: Key, items: [Element])] = []
        for element in self {
            let value = try key(element)
            if let last = runs.indices.last, runs[last].key == value {
                runs[last].items.append(element)
            } else {
                runs.append((value, [element]))
            }
        }
        return runs
    }
}
