import Foundation
import SamverkaApp

@main
enum Entrypoint {
    static func main() async {
        exit(await Samverka.run())
    }
}
