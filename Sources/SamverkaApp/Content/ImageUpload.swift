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
            if starts([0xFF, 0xD8, 0xFF]) {
                self = .jpeg
            } else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
                self = .png
            } else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
                self = .gif
            } else if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) {
                self = .webp
            } else {
                return nil
            }
        }
    }

    /// An accepted image that waits for the rest of its form: it is written only when the whole
    /// form is valid, so a form that comes back for another field leaves nothing on disk.
    struct Pending {
        let address: String
        let bytes: [UInt8]
        let field: String
    }

    /// Reads a form's image: a new upload is checked and its planned address wins; otherwise the
    /// typed address, which must be a web address or a site path. Problems go to the two fields.
    /// Returns the address to keep (nil for none). Call `settle` once the whole form is checked.
    static func accept(
        file: File?, typed: String?, fileField: String, addressField: String,
        request: Request, errors: inout FieldErrors
    ) -> String? {
        if isPresent(file), let file {
            let uploader = request.signedIn?.id.uuidString ?? RateLimitMiddleware.address(of: request)
            if request.application.rateLimiter.take(.upload, client: uploader) != nil {
                errors.add(fileField, request.t("error.upload_rate"))
            } else {
                do {
                    let pending = try prepare(file, field: fileField)
                    request.pendingImages.append(pending)
                    return pending.address
                } catch {
                    errors.add(fileField, request.t(error == .tooLarge ? "error.image_too_large" : "error.image_type"))
                }
            }
        }
        let address = (typed ?? "").trimmingCharacters(in: .whitespaces)
        if !address.isEmpty && !SafeURL.isWebAddress(address) { errors.add(addressField, request.t("error.url")) }
        return address.isEmpty ? nil : address
    }

    /// Ends a form's check: with no errors the accepted images are written (a disk that refuses
    /// becomes an error on the field); otherwise nothing is written and each file field asks for
    /// its image again, since a browser never fills a file field back in.
    static func settle(_ request: Request, errors: inout FieldErrors) {
        let pending = request.pendingImages
        request.pendingImages = []
        guard errors.isEmpty else {
            for image in pending { errors.add(image.field, request.t("error.image_choose_again")) }
            return
        }
        let folder = request.application.settings.uploadsDirectory + "/images"
        for image in pending {
            let name = String(image.address.split(separator: "/").last ?? "")
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try Data(image.bytes).write(to: URL(fileURLWithPath: folder + "/" + name), options: .atomic)
            } catch {
                request.logger.error("An uploaded image could not be written to \(folder): \(error)")
                errors.add(image.field, request.t("error.image_not_saved"))
            }
        }
    }

    /// Whether the form carried a file at all (an empty file input sends an empty part).
    static func isPresent(_ file: File?) -> Bool {
        guard let file else { return false }
        return file.data.readableBytes > 0
    }

    /// Checks the image and plans its address on the site, `/uploads/images/NAME.EXT`.
    static func prepare(_ file: File, field: String) throws(Problem) -> Pending {
        guard file.data.readableBytes <= maximumBytes else { throw .tooLarge }
        let received = Array(file.data.readableBytesView)
        guard let format = Format(bytes: received) else { throw .notAnImage }
        let name = UUID().uuidString.lowercased() + "." + format.rawValue
        return Pending(
            address: SiteURL.uploads.path + "/images/" + name, bytes: ImageMetadata.stripped(received, format: format),
            field: field)
    }
}

extension Request {
    private struct PendingImagesKey: StorageKey { typealias Value = [ImageUpload.Pending] }

    /// Images accepted with the form being handled, not yet written.
    var pendingImages: [ImageUpload.Pending] {
        get { storage[PendingImagesKey.self] ?? [] }
        set { storage[PendingImagesKey.self] = newValue }
    }
}
