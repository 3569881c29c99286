import WeftModel

extension App {
    /// `f`: the post pane takes the whole screen, and gives it back.
    func toggleZoom() {
        if layoutOptions.zoomed {
            layoutOptions.zoomed = false
            say("panes back")
            return
        }
        guard open != nil else {
            say("open a thread first")
            return
        }
        layoutOptions.zoomed = true
        focus = .post
        let key = keymap.keys(for: .zoom).first?.name ?? "f"
        say("the post has the screen; \(key) gives it back")
    }

    /// `+` and `-`: the thread list's share of a wide screen, by tenths.
    func resizeList(by step: Int) {
        let range = Layout.Options.listPercents
        let next = min(max(layoutOptions.listPercent + step, range.lowerBound), range.upperBound)
        guard width >= Layout.wideWidth else {
            say("the panes share the width from \(Layout.wideWidth) columns on")
            return
        }
        layoutOptions.listPercent = next
        say("thread list: \(next)% of the width")
        keepSelectionsInView()
    }
}
