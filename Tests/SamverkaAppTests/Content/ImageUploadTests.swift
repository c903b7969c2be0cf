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
            let saved = try await browser.postMultipart("/events", form: EditingTests.goodEvent, file: ("imageFile", "fika.png", "image/png", Self.png))
            #expect(saved.status == .seeOther)
            let event = try #require(try await Event.find(slug: "oppna-data-fika", on: app.db))
            let image = try #require(event.image)
            #expect(image.hasPrefix("/uploads/images/") && image.hasSuffix(".png"))
            let served = try await app.testing().sendRequest(.GET, image)
            #expect(served.status == .ok)
            #expect(Array(served.body.readableBytesView) == Self.png)
        }
    }

    @Test("an SVG or a renamed text file is refused, and nothing typed is lost", arguments: [
        ("logo.svg", "image/svg+xml", Array(#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.utf8)),
        ("photo.png", "image/png", Array("not really a picture".utf8)),
    ])
    func refused(_ name: String, _ type: String, _ bytes: [UInt8]) async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            try await browser.get("/events/new")
            let response = try await browser.postMultipart("/events", form: EditingTests.goodEvent, file: ("imageFile", name, type, bytes))
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Filen är ingen bild i formaten JPEG, PNG, GIF eller WebP."))
            #expect(response.text.contains(#"value="Öppna data-fika""#))
            #expect(try await Event.query(on: app.db).count() == 0)
        }
    }

    @Test("a stored image stays in the form when another field needs fixing")
    func keptOnError() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            try await browser.get("/events/new")
            var input = EditingTests.goodEvent
            input["title"] = ""
            let response = try await browser.postMultipart("/events", form: input, file: ("imageFile", "fika.png", "image/png", Self.png))
            #expect(response.status == .unprocessableEntity)
            let kept = try #require(response.text.firstMatch(of: /name="image" type="text" value="(\/uploads\/images\/[a-z0-9-]+\.png)"/))
            #expect(try await app.testing().sendRequest(.GET, String(kept.output.1)).status == .ok)
        }
    }
}
