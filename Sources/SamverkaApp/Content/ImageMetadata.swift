import Foundation

/// Takes out what a camera or phone writes into an image besides the picture: EXIF (with the
/// GPS position of a home, the camera's serial number, the time), XMP, IPTC and comments. The
/// picture's own data is copied byte for byte, never decoded or re-encoded. Where a file's
/// structure stops making sense, the rest is kept as it is: browsers show many slightly broken
/// images, and stripping must never turn one away.
enum ImageMetadata {
    static func stripped(_ bytes: [UInt8], format: ImageUpload.Format) -> [UInt8] {
        switch format {
        case .jpeg: jpeg(bytes)
        case .png: png(bytes)
        case .webp: webp(bytes)
        case .gif: bytes
        }
    }

    /// JPEG: the segments before the scan, without APP1 (EXIF, XMP), APP13 (IPTC) and COM.
    private static func jpeg(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xD8]
        var index = 2
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { break }
            let marker = bytes[index + 1]
            if marker == 0xFF {
                index += 1
                continue
            }  // fill byte
            if marker == 0xDA {  // start of scan: the picture itself, to the end
                out += bytes[index...]
                return out
            }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2, index + 2 + length <= bytes.count else { break }
            if ![0xE1, 0xED, 0xFE].contains(marker) { out += bytes[index..<index + 2 + length] }
            index += 2 + length
        }
        return out + bytes[min(index, bytes.count)...]
    }

    /// PNG: every chunk but eXIf and the text and time chunks.
    private static func png(_ bytes: [UInt8]) -> [UInt8] {
        let dropped: Set<String> = ["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]
        var out = Array(bytes.prefix(8))
        var index = 8
        while index + 12 <= bytes.count {
            let length =
                Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8
                | Int(bytes[index + 3])
            guard index + 12 + length <= bytes.count else { break }
            let type = String(decoding: bytes[index + 4..<index + 8], as: UTF8.self)
            if !dropped.contains(type) { out += bytes[index..<index + 12 + length] }
            index += 12 + length
            if type == "IEND" { return out }
        }
        return out + bytes[min(index, bytes.count)...]
    }

    /// WebP: every chunk but EXIF and XMP, with the extended header's flags for them cleared
    /// and the container's size put right.
    private static func webp(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12 else { return bytes }
        var body: [UInt8] = Array("WEBP".utf8)
        var index = 12
        while index + 8 <= bytes.count {
            let type = String(decoding: bytes[index..<index + 4], as: UTF8.self)
            let size =
                Int(bytes[index + 4]) | Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]) << 16 | Int(bytes[index + 7])
                << 24
            let padded = size + (size & 1)
            guard index + 8 + size <= bytes.count else {
                body += bytes[index...]
                break
            }
            var chunk = Array(bytes[index..<min(bytes.count, index + 8 + padded)])
            if type == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0x08 | 0x04) }  // EXIF and XMP flags
            if type != "EXIF" && type != "XMP " { body += chunk }
            index += 8 + padded
        }
        let size = UInt32(body.count)
        return Array("RIFF".utf8) + [
            UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24),
        ] + body
    }
}
