import Foundation
import Vapor

/// Stores an image an editor uploads with a form, under `uploads/images/`.
///
/// The type is read from the file's first bytes, never from its name or the browser's claim,
/// and only raster formats pass: an SVG is a document that can carry script. What the camera
/// wrote besides the picture (EXIF with its GPS position, XMP, comments) is taken out, and a
/// member may upload only so many images a minute.
enum ImageUpload {
    static let maximumBytes = 5 * 1024 * 1024
    /// Room for the image and the rest of the form in one request.
    static let maximumRequestBody = ByteCount(value: CSRFMiddleware.maximumBodyBytes)

    enum Problem: Error, Equatable {
        case tooLarge
        case notAnImage
    }

    enum Format: String {
        case jpeg = "jpg", png, gif, webp

        init?(bytes: [UInt8]) {
            func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
                bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
            }
            if starts([0xFF, 0xD8, 0xFF]) { self = .jpeg }
            else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { self = .png }
            else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { self = .gif }
            else if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { self = .webp }
            else { return nil }
        }
    }

    /// Reads a form's image: a new upload is stored and its address wins; otherwise the typed
    /// address, which must be a web address or a site path. Problems go to the two fields.
    /// Returns the address to keep (nil for none) and the value to show again in the form.
    static func accept(
        file: File?, typed: String?, fileField: String, addressField: String,
        request: Request, errors: inout FieldErrors
    ) -> (address: String?, shown: String?) {
        var typed = typed
        if isPresent(file), let file {
            let uploader = request.auth.get(Member.self)?.id?.uuidString ?? RateLimitMiddleware.address(of: request)
            if request.application.rateLimiter.take(.upload, client: uploader) != nil {
                errors.add(fileField, request.t("error.upload_rate"))
                return (typed, typed)
            }
            do {
                typed = try store(file, uploadsDirectory: request.application.settings.uploadsDirectory)
            } catch {
                errors.add(fileField, request.t(error == .tooLarge ? "error.image_too_large" : "error.image_type"))
            }
        }
        let address = (typed ?? "").trimmingCharacters(in: .whitespaces)
        if !address.isEmpty && !SafeURL.isWebAddress(address) { errors.add(addressField, request.t("error.url")) }
        return (address.isEmpty ? nil : address, typed)
    }

    /// Whether the form carried a file at all (an empty file input sends an empty part).
    static func isPresent(_ file: File?) -> Bool {
        guard let file else { return false }
        return file.data.readableBytes > 0
    }

    /// Saves the image and returns its address on the site, `/uploads/images/NAME.EXT`.
    static func store(_ file: File, uploadsDirectory: String) throws(Problem) -> String {
        guard file.data.readableBytes <= maximumBytes else { throw .tooLarge }
        let received = Array(file.data.readableBytesView)
        guard let format = Format(bytes: received) else { throw .notAnImage }
        let bytes = ImageMetadata.stripped(received, format: format)
        let name = UUID().uuidString.lowercased() + "." + format.rawValue
        let folder = uploadsDirectory + "/images"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name), options: .atomic)
        } catch {
            throw .notAnImage
        }
        return SiteURL.uploads.path + "/images/" + name
    }
}
