import Testing
import Vapor
import VaporTesting

@testable import SamverkaApp

@Suite("Security headers and health")
struct SecurityTests {
    @Test(
        "every response carries the security headers, error pages too",
        arguments: ["/", "/events", "/no-such-page", "/healthz", "/css/samverka.css"])
    func headers(_ path: String) async throws {
        try await withSamverka { app in
            let response = try await app.testing().sendRequest(.GET, path)
            let csp = try #require(response.headers.first(name: .contentSecurityPolicy))
            #expect(csp.contains("default-src 'self'"))
            #expect(csp.contains("script-src 'self'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(response.headers.first(name: .xContentTypeOptions) == "nosniff")
            #expect(response.headers.first(name: "Referrer-Policy") == "strict-origin-when-cross-origin")
        }
    }

    @Test("pages have no inline script or style attributes the CSP would block")
    func noInlineScript() async throws {
        try await withSamverka { app in
            for path in ["/", "/events", "/sign-in", "/sign-up"] {
                let page = try await app.testing().sendRequest(.GET, path).text
                #expect(!page.contains("<script>"), "\(path)")
                #expect(!page.contains(" style=\""), "\(path)")
                #expect(!page.contains(" onclick="), "\(path)")
            }
        }
    }

    @Test("health names the database kind and the migration state")
    func health() async throws {
        try await withSamverka { app in
            let response = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(response.status == .ok)
            let health = try response.content.decode(HealthController.Health.self)
            #expect(health.status == "ok")
            #expect(health.database == app.settings.database.kind.rawValue)
            #expect(health.migrations.pending == 0)
            #expect(health.migrations.applied == Migrations.all.count)
        }
    }
}

@Suite("The route table")
struct RouteTableTests {
    @Test("every route declares who may call it")
    func everyRouteGuarded() async throws {
        try await withSamverka { app in
            for route in app.routes.all {
                #expect(
                    route.userInfo[Access.userInfoKey] is Access,
                    "\(route.method) /\(route.path.string) has no declared access")
            }
        }
    }

    @Test("editing routes are for editors (events: members, checked per event), signing out for members")
    func guards() async throws {
        try await withSamverka { app in
            func access(_ method: HTTPMethod, _ path: String) -> Access? {
                app.routes.all.first { $0.method == method && "/" + $0.path.string == path }?.userInfo[
                    Access.userInfoKey] as? Access
            }
            // Events are also published by the members they belong to: the route admits members
            // and `Event.mayCreate`/`mayEdit` decide (EventPublishingTests).
            #expect(access(.GET, "/events/new") == .member)
            #expect(access(.POST, "/events/:slug/unpublish") == .editor)
            #expect(access(.POST, "/projects/:slug/edit") == .editor)
            #expect(access(.POST, "/groups/:slug/delete") == .editor)
            #expect(access(.POST, "/sign-out") == .member)
            #expect(access(.GET, "/events/:slug") == .everyone)
        }
    }

    @Test("paths are pinned")
    func paths() {
        #expect(SiteURL.events(.show(.value("almedalen2021"))).path == "/events/almedalen2021")
        #expect(SiteURL.projects(.edit(.value("x"))).path == "/projects/x/edit")
        #expect(SiteURL.groups(.index).path == "/groups")
        #expect(SiteURL.events(.show(.key)).path == "/events/:slug")
        #expect(SiteURL.signIn.path == "/sign-in")
    }
}

@Suite("Interface strings")
struct CatalogueTests {
    @Test("Swedish and English have the same keys, and every key a page uses exists")
    func sameKeys() async throws {
        try await withSamverka { app in
            let swedish = app.catalogue.keys(.sv)
            let english = app.catalogue.keys(.en)
            #expect(swedish.subtracting(english).isEmpty, "only in Swedish: \(swedish.subtracting(english))")
            #expect(english.subtracting(swedish).isEmpty, "only in English: \(english.subtracting(swedish))")
            let views = app.directory.viewsDirectory
            let files =
                FileManager.default.enumerator(atPath: views)?.compactMap { $0 as? String }.filter {
                    $0.hasSuffix(".leaf")
                } ?? []
            let table = app.catalogue.table(.sv)
            #expect(!files.isEmpty)
            for file in files {
                let text = try String(contentsOfFile: views + file, encoding: .utf8)
                for match in text.matches(of: /#t\("([a-z_.]+)"\)/) {
                    #expect(table[String(match.output.1)] != nil, "\(file) uses a missing string \(match.output.1)")
                }
            }
        }
    }
}
