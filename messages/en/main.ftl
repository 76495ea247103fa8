# hipcoach: every word the bot says, in English.
# Ids are the kebab-case names of `Msg` variants in src/core/msg.rs.

## First contact and consent

welcome =
    Hi, I'm hipcoach. 👋
    Years of sitting can stiffen the hips, and then the knees take the strain. I'll help you check how far your hips turn, give you short daily drills, and nudge you to move during your working day.
    I'm a coach, not a doctor: I don't diagnose anything.

    To coach you I need to keep some health data: your pain scores and hip ranges. I use them only to coach you and never share them. Is that okay?
consent-agree = Yes, that's okay
consent-decline = No, thanks
consent-declined = All right, I haven't kept anything about you. If you change your mind, just send /start.
consent-thanks = Thank you! First, your time zone, so that I message you at sensible hours.
stranger-help = Send /start to begin.

## Time zone

ask-timezone = Where are you? Send a city (Berlin), a time zone (Europe/Berlin) or an offset from UTC (+2). You can also share your location.
share-location = 📍 Share my location
timezone-unknown = I couldn't find a time zone for “{ $input }”. Try a city like Berlin or New York, a zone like Europe/Berlin, or an offset like UTC+2.
timezone-offset-range = Offsets run from UTC-12 to UTC+14. Try one like +2 or -05:00, or send a city.
location-unknown = I couldn't tell the time zone from that location. Could you send your city instead?
location-not-needed = Thanks, but I don't need your location right now.
confirm-timezone = So it is { $time } for you now ({ $zone }). Is that right?
confirm-timezone-again = Please tap Yes if the time is right, or send another city or offset.
fixed-offset-note = An offset doesn't follow daylight saving time. If your clocks change in spring and autumn, send your city instead.
yes = Yes
no-change-it = No, change it
timezone-saved = Saved: { $zone }.

## Around the conversation

setup-done = That's all for now. Send /help to see what I can do.
welcome-back = Welcome back!
help = Here is what I can do:
cmd-start = start, or pick up where we left off
cmd-timezone = change your time zone
cmd-help = show this list
not-understood = I'm not sure what you mean. Send /help to see what I can do.
unknown-command = I don't know { $command }. Send /help to see the commands.
media-not-supported = I can only read text and button taps for now.
edit-not-read = I don't read edited messages. Please send your answer as a new message.
button-expired = That button belongs to an earlier question.
state-reset = Sorry, I lost track of our conversation after an update. Let's pick it up again.
private-only = I only work in private chats, to keep your health data private. Please message me directly. Bye for now!
try-again-later = Sorry, something went wrong on my side. Please try again in a moment.
