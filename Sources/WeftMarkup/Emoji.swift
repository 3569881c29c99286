/// Emoji shortcodes (`:tada:`) as Discourse, GitHub and Slack name them.
///
/// A table of our own of the few hundred codes discussions use: no Debian package or listed Swift package
/// ships the shortcode names, and an unknown `:name:` is simply shown as written.
enum Emoji {
    /// The emoji for each shortcode, without the colons.
    static let named: [String: String] = [
        "+1": "👍", "-1": "👎", "100": "💯", "1st_place_medal": "🥇", "airplane": "✈️", "alien": "👽",
        "angry": "😠", "apple": "🍎", "arrow_down": "⬇️", "arrow_left": "⬅️", "arrow_right": "➡️", "arrow_up": "⬆️",
        "arrows_counterclockwise": "🔄", "astonished": "😲", "bangbang": "‼️", "bar_chart": "📊", "basketball": "🏀", "bee": "🐝",
        "beer": "🍺", "beers": "🍻", "bell": "🔔", "bicycle": "🚲", "bike": "🚲", "bird": "🐦",
        "black_circle": "⚫", "black_heart": "🖤", "blue_heart": "💙", "blush": "😊", "book": "📖", "bookmark": "🔖",
        "books": "📚", "boom": "💥", "brain": "🧠", "broken_heart": "💔", "bug": "🐛", "bulb": "💡",
        "cake": "🍰", "calendar": "📆", "camera": "📷", "car": "🚗", "cat": "🐱", "chart_with_downwards_trend": "📉",
        "chart_with_upwards_trend": "📈", "check": "✔️", "cherry_blossom": "🌸", "clap": "👏", "clock": "🕐", "cloud": "☁️",
        "clown_face": "🤡", "coffee": "☕", "cold_face": "🥶", "cold_sweat": "😰", "computer": "💻", "confetti_ball": "🎊",
        "confounded": "😖", "confused": "😕", "construction": "🚧", "copyright": "©️", "cowboy_hat_face": "🤠", "crab": "🦀",
        "crossed_fingers": "🤞", "cry": "😢", "dart": "🎯", "dash": "💨", "date": "📅", "deciduous_tree": "🌳",
        "desktop_computer": "🖥️", "disappointed": "😞", "dog": "🐶", "dollar": "💵", "drooling_face": "🤤", "earth_americas": "🌎",
        "email": "📧", "envelope": "✉️", "evergreen_tree": "🌲", "exclamation": "❗", "exploding_head": "🤯", "expressionless": "😑",
        "eye": "👁️", "eyes": "👀", "face_palm": "🤦", "face_with_monocle": "🧐", "face_with_raised_eyebrow": "🤨", "facepalm": "🤦",
        "fearful": "😨", "fire": "🔥", "fish": "🐟", "flushed": "😳", "frowning": "😦", "game_die": "🎲",
        "gear": "⚙️", "gem": "💎", "ghost": "👻", "gift": "🎁", "globe_with_meridians": "🌐", "green_heart": "💚",
        "grey_question": "❔", "grimacing": "😬", "grin": "😁", "grinning": "😀", "hammer": "🔨", "hammer_and_wrench": "🛠️",
        "handshake": "🤝", "hankey": "💩", "headphones": "🎧", "heart": "❤️", "heart_eyes": "😍", "heavy_check_mark": "✔️",
        "heavy_minus_sign": "➖", "heavy_multiplication_x": "✖️", "heavy_plus_sign": "➕", "horse": "🐴", "hospital": "🏥", "hot_face": "🥵",
        "hourglass": "⌛", "house": "🏠", "hugging_face": "🤗", "hugs": "🤗", "inbox_tray": "📥", "infinity": "♾️",
        "information_source": "ℹ️", "innocent": "😇", "interrobang": "⁉️", "iphone": "📱", "joy": "😂", "key": "🔑",
        "keyboard": "⌨️", "kissing_heart": "😘", "large_blue_circle": "🔵", "laughing": "😆", "link": "🔗", "lock": "🔒",
        "lying_face": "🤥", "mag": "🔍", "mag_right": "🔎", "man_facepalming": "🤦‍♂️", "man_shrugging": "🤷‍♂️", "mask": "😷",
        "medal_sports": "🏅", "memo": "📝", "money_mouth_face": "🤑", "moneybag": "💰", "mouse": "🐭", "movie_camera": "🎥",
        "muscle": "💪", "muscle_tone": "💪", "music": "🎵", "nauseated_face": "🤢", "negative_squared_cross_mark": "❎", "nerd_face": "🤓",
        "neutral_face": "😐", "no_entry": "⛔", "no_entry_sign": "🚫", "no_mouth": "😶", "notes": "🎶", "octopus": "🐙",
        "office": "🏢", "ok_hand": "👌", "open_mouth": "😮", "outbox_tray": "📤", "package": "📦", "paperclip": "📎",
        "partying_face": "🥳", "pencil": "📝", "pencil2": "✏️", "penguin": "🐧", "pensive": "😔", "persevere": "😣",
        "phone": "☎️", "pizza": "🍕", "pleading_face": "🥺", "point_down": "👇", "point_left": "👈", "point_right": "👉",
        "point_up": "☝️", "poop": "💩", "pray": "🙏", "purple_heart": "💜", "pushpin": "📌", "question": "❓",
        "rage": "😡", "rainbow": "🌈", "raised_hands": "🙌", "recycle": "♻️", "red_circle": "🔴", "registered": "®️",
        "relieved": "😌", "robot": "🤖", "rocket": "🚀", "rofl": "🤣", "roll_eyes": "🙄", "rolling_eyes": "🙄",
        "rose": "🌹", "rotating_light": "🚨", "saluting_face": "🫡", "school": "🏫", "scream": "😱", "see_no_evil": "🙈",
        "seedling": "🌱", "ship": "🚢", "shrug": "🤷", "shushing_face": "🤫", "skull": "💀", "sleeping": "😴",
        "sleepy": "😪", "slight_frown": "🙁", "slight_smile": "🙂", "slight_smile_face": "🙂", "slightly_frowning_face": "🙁", "slightly_smiling_face": "🙂",
        "smile": "😄", "smiley": "😃", "smiling_face_with_three_hearts": "🥰", "smiling_imp": "😈", "smirk": "😏", "snake": "🐍",
        "sneezing_face": "🤧", "snowflake": "❄️", "sob": "😭", "soccer": "⚽", "sparkles": "✨", "sparkling_heart": "💖",
        "speech_balloon": "💬", "star": "⭐", "star2": "🌟", "star_struck": "🤩", "stopwatch": "⏱️", "stuck_out_tongue": "😛",
        "stuck_out_tongue_winking_eye": "😜", "sun": "☀️", "sunglasses": "😎", "sunny": "☀️", "sweat": "😓", "sweat_drops": "💦",
        "sweat_smile": "😅", "tada": "🎉", "tea": "🍵", "thinking": "🤔", "thinking_face": "🤔", "thought_balloon": "💭",
        "thumbsdown": "👎", "thumbsup": "👍", "tired_face": "😫", "tm": "™️", "triumph": "😤", "trophy": "🏆",
        "turtle": "🐢", "umbrella": "☔", "unamused": "😒", "unicorn": "🦄", "unlock": "🔓", "upside_down_face": "🙃",
        "v": "✌️", "video_game": "🎮", "warning": "⚠️", "wave": "👋", "weary": "😩", "whale": "🐳",
        "white_check_mark": "✅", "white_circle": "⚪", "wine_glass": "🍷", "wink": "😉", "woman_facepalming": "🤦‍♀️", "woman_shrugging": "🤷‍♀️",
        "woozy_face": "🥴", "worried": "😟", "wrench": "🔧", "writing_hand": "✍️", "x": "❌", "yawning_face": "🥱",
        "yellow_heart": "💛", "yum": "😋", "zany_face": "🤪", "zap": "⚡", "zzz": "💤",
    ]

    /// The end (after the closing colon) of a `:shortcode:` starting at `from`, if it is shaped like one.
    static func shortcodeEnd(_ chars: [Character], from: Int) -> Int? {
        var end = from + 1
        while end < chars.count, end - from <= 40, chars[end].isLetter || chars[end].isNumber || "_+-".contains(chars[end]) {
            end += 1
        }
        guard end < chars.count, chars[end] == ":", end > from + 1 else { return nil }
        return end + 1
    }
}
