import SamverkaApp
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        try await Samverka.run()
    }
}
