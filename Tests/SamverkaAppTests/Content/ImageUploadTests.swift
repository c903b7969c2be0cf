import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Uploading images with content")
struct ImageUploadTests {
    /// The smallest valid PNG: one transparent pixel.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
        0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
        0x42, 0x60, 0x82,
    ]

    @Test("an editor uploads a PNG with a new event; it is stored and served")
    func upload() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            let form = try await browser.get("/events/new")
            #expect(form.text.contains(#"enctype="multipart/form-data""#))
            let saved = try await browser.postMultipart(
                "/events", form: EditingTests.goodEvent, file: ("imageFile", "fika.png", "image/png", Self.png))
            #expect(saved.status == .seeOther)
            let event = try #require(try await Event.find(slug: "oppna-data-fika", on: app.db))
            let image = try #require(event.image)
            #expect(image.hasPrefix("/uploads/images/") && image.hasSuffix(".png"))
            let served = try await app.testing().sendRequest(.GET, image)
            #expect(served.status == .ok)
            #expect(Array(served.body.readableBytesView) == Self.png)
        }
    }

    @Test(
        "an SVG or a renamed text file is refused, and nothing typed is lost",
        arguments: [
            (
                "logo.svg", "image/svg+xml",
                Array(#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.utf8)
            ),
            ("photo.png", "image/png", Array("not really a picture".utf8)),
        ])
    func refused(_ name: String, _ type: String, _ bytes: [UInt8]) async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            try await browser.get("/events/new")
            let response = try await browser.postMultipart(
                "/events", form: EditingTests.goodEvent, file: ("imageFile", name, type, bytes))
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Filen är ingen bild i formaten JPEG, PNG, GIF eller WebP."))
            #expect(response.text.contains(#"value="Öppna data-fika""#))
            #expect(try await Event.query(on: app.db).count() == 0)
        }
    }

    @Test("an image is stored only once the whole form is valid; the form asks for it again")
    func storedOnlyWhenValid() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            try await browser.get("/events/new")
            let folder = app.settings.uploadsDirectory + "/images"
            let before = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            var input = EditingTests.goodEvent
            input["title"] = ""
            let response = try await browser.postMultipart(
                "/events", form: input, file: ("imageFile", "fika.png", "image/png", Self.png))
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Välj bilden igen"))
            #expect(!response.text.contains("/uploads/images/"))
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []) == before)

            input["title"] = "Öppna data-fika"
            let saved = try await browser.postMultipart(
                "/events", form: input, file: ("imageFile", "fika.png", "image/png", Self.png))
            #expect(saved.status == .seeOther)
            let image = try #require(try await Event.find(slug: "oppna-data-fika", on: app.db)?.image)
            #expect(try await app.testing().sendRequest(.GET, image).status == .ok)
        }
    }

    @Test("what a camera writes besides the picture is taken out: EXIF with its GPS position, text chunks, comments")
    func metadataStripped() {
        // A PNG with an eXIf and a tEXt chunk before its image data.
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let length = UInt32(data.count)
            return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
                + Array(type.utf8) + data + [0, 0, 0, 0]
        }
        let header = Array(Self.png.prefix(33))
        let rest = Array(Self.png.dropFirst(33))
        let tagged =
            header + chunk("eXIf", Array("MM\u{0}*GPSLatitude 63.8258".utf8))
            + chunk("tEXt", Array("Author\u{0}Anna".utf8)) + rest
        #expect(ImageMetadata.stripped(tagged, format: .png) == Self.png)

        // A JPEG: SOI, APP0 (JFIF), APP1 (EXIF with a position), COM, then the scan.
        func segment(_ marker: UInt8, _ data: [UInt8]) -> [UInt8] {
            let length = data.count + 2
            return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + data
        }
        let jfif = segment(0xE0, Array("JFIF\u{0}".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0])
        let scan: [UInt8] = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34, 0xFF, 0xD9]
        let jpeg =
            [0xFF, 0xD8] + jfif + segment(0xE1, Array("Exif\u{0}\u{0}GPSLatitude 63.8258".utf8))
            + segment(0xFE, Array("Anna's phone".utf8)) + scan
        let clean = ImageMetadata.stripped(jpeg, format: .jpeg)
        #expect(clean == [0xFF, 0xD8] + jfif + scan)
        #expect(!String(decoding: clean, as: UTF8.self).contains("GPS"))

        // A broken file keeps what cannot be read, rather than being refused.
        #expect(
            ImageMetadata.stripped([0xFF, 0xD8, 0xFF, 0xE1, 0x7F, 0xFF, 0x00], format: .jpeg) == [
                0xFF, 0xD8, 0xFF, 0xE1, 0x7F, 0xFF, 0x00,
            ])
    }

    @Test("a member uploading image after image is asked to wait, and keeps what they wrote")
    func uploadRate() async throws {
        try await withSamverka(rateLimitPerMinute: 1) { app in
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            try await browser.get("/events/new")
            #expect(
                try await browser.postMultipart(
                    "/events", form: EditingTests.goodEvent, file: ("imageFile", "fika.png", "image/png", Self.png)
                ).status == .seeOther)
            try await browser.get("/events/new")
            var second = EditingTests.goodEvent
            second["title"] = "Andra fikat"
            second["body"] = "Det här får inte försvinna."
            let refused = try await browser.postMultipart(
                "/events", form: second, file: ("imageFile", "fika.png", "image/png", Self.png))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Vänta en minut och välj bilden igen"))
            #expect(refused.text.contains("Det här får inte försvinna."))
        }
    }

    @Test("the nightly purge removes uploaded images nothing refers to any more, a day after they were stored")
    func purgeUnreferenced() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            try await browser.get("/events/new")
            try await browser.postMultipart(
                "/events", form: EditingTests.goodEvent, file: ("imageFile", "fika.png", "image/png", Self.png))
            // The editor replaces the image: the first one is no longer referred to.
            try await browser.get("/events/oppna-data-fika/edit")
            let replaced = try await browser.postMultipart(
                "/events/oppna-data-fika/edit", form: EditingTests.goodEvent,
                file: ("imageFile", "fika2.png", "image/png", Self.png))
            #expect(replaced.status == .seeOther)
            let folder = app.settings.uploadsDirectory + "/images"
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 2)
            let kept = try #require(try await Event.find(slug: "oppna-data-fika", on: app.db)?.image)

            #expect(try await UploadChores(app: app, now: Date()).purge() == 0)
            #expect(try await UploadChores(app: app, now: Date().addingTimeInterval(2 * 86_400)).purge() == 1)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder) == [
                    String(kept.split(separator: "/").last ?? "")
                ])
        }
    }
}
