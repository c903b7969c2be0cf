import Foundation
import Vapor

/// Sweden's regions as SVG paths, projected once at boot from `Resources/Geography/regions.geojson`
/// (simplified boundaries in WGS 84). Good for an overview map; not for precise geography.
struct RegionMap: Sendable {
    struct Shape: Sendable {
        let code: String
        let name: String
        /// SVG path data in the map's own coordinates.
        let path: String
    }

    let shapes: [Shape]
    let width: Double
    let height: Double

    /// Longitude is shrunk by the cosine of a middle latitude, so Sweden keeps its shape.
    static func load(from resourcesDirectory: String, height: Double = 600) throws -> RegionMap {
        let path = resourcesDirectory + "Geography/regions.geojson"
        guard let data = FileManager.default.contents(atPath: path),
            let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let features = root["features"] as? [[String: Any]]
        else {
            throw Abort(.internalServerError, reason: "The region map is missing or unreadable at \(path)")
        }
        var regions: [(code: String, name: String, polygons: [[[Double]]])] = []
        for feature in features {
            guard let properties = feature["properties"] as? [String: Any], let code = properties["code"] as? String,
                let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String
            else { continue }
            let name = properties["name"] as? String ?? code
            var rings: [[[Double]]] = []
            if type == "Polygon", let polygon = geometry["coordinates"] as? [[[Double]]] {
                rings = polygon
            } else if type == "MultiPolygon", let multi = geometry["coordinates"] as? [[[[Double]]]] {
                rings = multi.flatMap { $0 }
            }
            regions.append((code, name, rings))
        }
        let points = regions.flatMap { $0.polygons.flatMap { $0 } }.filter { $0.count >= 2 }
        guard let minLon = points.map({ $0[0] }).min(), let maxLon = points.map({ $0[0] }).max(),
            let minLat = points.map({ $0[1] }).min(), let maxLat = points.map({ $0[1] }).max()
        else {
            throw Abort(.internalServerError, reason: "The region map has no coordinates")
        }
        let shrink = cos((minLat + maxLat) / 2 * .pi / 180)
        let scale = height / (maxLat - minLat)
        let width = (maxLon - minLon) * shrink * scale
        func project(_ point: [Double]) -> String {
            let x = (point[0] - minLon) * shrink * scale
            let y = (maxLat - point[1]) * scale
            return String(format: "%.1f,%.1f", x, y)
        }
        let shapes = regions.map { region in
            let path = region.polygons.map { ring in
                "M" + ring.filter { $0.count >= 2 }.map(project).joined(separator: "L") + "Z"
            }.joined()
            return Shape(code: region.code, name: region.name, path: path)
        }.sorted { $0.code < $1.code }
        return RegionMap(shapes: shapes, width: (width * 10).rounded() / 10, height: height)
    }
}

extension Application {
    private struct RegionMapKey: StorageKey { typealias Value = RegionMap }

    var regionMap: RegionMap {
        get { storage[RegionMapKey.self] ?? RegionMap(shapes: [], width: 0, height: 0) }
        set { storage[RegionMapKey.self] = newValue }
    }
}
