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
no = No
no-change-it = No, change it
timezone-saved = Saved: { $zone }.

## Around the conversation

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
under-maintenance = Sorry, I can’t save anything right now: something is wrong with my storage, and the people who run me have been told. Please come back later; I’ll pick up where we left off as far as I can.
cmd-assess = measure your hips again
cmd-symptoms = tell me about swelling, locking, numbness or other warning signs
cmd-profile = see what I know about you
cmd-settings = change one of your answers
needs-intake = Let's finish setting you up first.

## Intake

intake-intro = Now a few quick questions, so I can fit the drills to you.
ask-age = How old are you? hipcoach is made for adults. Type your age, or tap a range.
age-under20 = Under 20
age-under18 = Under 18
age18-to50 = 18 to 50
age20-to50 = 20 to 50
age-over50 = Over 50
age-not-understood = Please type your age as a number, like 42, or tap a range.
ask-activities = What do you do most? Tap all that apply, then Done. You can also type them, like “desk work, running”.
activity-desk-work = Desk work
activity-running = Running
activity-cycling = Cycling
activity-racket = Racket sports
activity-golf = Golf
activity-team-sports = Football or team sports
activity-throwing = Throwing sports
activity-lifting = Lifting
activity-other = Other
activities-need-one = Please tap at least one, or Other.
ask-sitting = On a usual day, about how many hours do you sit?
sitting-hours = { $hours } h
hours-not-understood = Please send the hours as a number from 0 to 24, like 8.
ask-working-hours = When do you work? Tap one, or type your days and hours, like “mon-fri 8:30-17” or “Sun–Thu 08:00–16:00”.
working-hours-not-understood = I couldn't read that. Try days and hours like “mon-fri 9-17”, “9-5:30” or “weekdays 10 to 6”.
ask-lunch = Do you take a lunch break? I won't nudge you during it. Tap one, or type it like 12:30-13:15.
no-lunch = No lunch break
lunch-not-understood = Please send the break like 12:30-13:15, or tap “No lunch break”.
ask-drill-time = When should I send your drill session? Tap a time, or type one like 7pm or 19:30.
time-not-understood = Please send a time like 7:30, 19:30 or 7pm.
ask-training-days = On which days do you want to train? Three to five days a week works well, with rest days in between, and a few minutes every day is fine too. Tap your days, then Done, or type them, like “mon wed fri” or “every day”.
training-days-too-few = That's fewer than three days. The program is built on 3 to 5 sessions a week, so please pick at least three; on a busy day a few minutes are enough.
training-days-not-understood = I couldn't read those days. Tap them, or type them like “mon wed fri”, “mon-fri” or “every day”.
every-day = every day
weekday-mon = Mon
weekday-tue = Tue
weekday-wed = Wed
weekday-thu = Thu
weekday-fri = Fri
weekday-sat = Sat
weekday-sun = Sun
ask-pain-sites = Where does it hurt? Tap all that apply, then Done.
pain-site-knee-left = Left knee
pain-site-knee-right = Right knee
pain-site-hip = Hip
pain-site-groin = Groin
pain-site-lower-back = Lower back
nowhere = Nowhere
ask-usual-pain = On a usual day, how much does it hurt, from 0 (no pain) to 10 (the worst)?
pain-not-understood = Please send a number from 0 (no pain) to 10 (the worst), like 3.
ask-equipment = What do you have at home? Tap all that apply, then Done.
equipment-band = Resistance band
equipment-wall = A free wall
equipment-cable = Cable machine or ankle cuff
none-of-these = None of these
ask-red-flags = One safety check before we measure. Does any of this apply to you right now? Tap all that apply, then Done.
ask-symptoms-now = Does any of this apply to you right now? Tap all that apply, then Done, or None of these.
red-flag-sharp-pain = Sharp or worsening pain
red-flag-swelling = Swelling in the knee or hip
red-flag-locking-or-giving-way = The knee locks or gives way
red-flag-numbness = Numbness or tingling in the leg
red-flag-night-pain = Pain that wakes you at night
red-flag-injury-or-surgery = A recent injury or surgery
red-flag-pain-during-tests = Strong pain during the tests
tap-which-applies = Please tap the ones that apply, or “None of these”.
any-other-signs = Thanks, noted. What about the others: does any of them apply? Tap it, or tap “None of these”.
red-flags-nothing-ticked = You haven't ticked anything yet. Tap each one that applies to you, or “None of these” if none of them does.
confirm-flags = Let me check I understood you. You mentioned:
confirm-flags-right = Is that right?
choice-not-understood = I couldn't match that to an option. Please tap one of the buttons.
done = Done
red-flag-stop = Thank you for telling me. A doctor or physiotherapist should look at this before you train your hips, so I won't start the drills yet:
red-flag-come-back = Once you've been checked and got the go-ahead, just tell me (or send /start) and we'll carry on. Your answers are saved.
ask-cleared = Have you been checked by a doctor or physiotherapist since, and got the go-ahead to exercise?
cleared-yes = Yes, I've been checked
cleared-not-yet = Not yet
not-yet-cleared = All right. Take care, and tell me once you've been checked.
cleared-thanks = Good to hear.
ask-language = Which language should I use?
ask-resume = We were in the middle of your setup. Continue where you left off, or start over?
continue = Continue
start-over = Start over

## Self-tests

tests-intro = Now let's measure your hips: five short tests, about 10 minutes, with a chair and some floor space. Stop any test that hurts, and skip any you like.
test-seated =
    Test 1 of 5: sitting.
    Sit on a chair, knees bent at a right angle, feet flat, hips level. Keep one heel on the floor and swing that foot outward, so the thigh turns inward. Only go as far as is comfortable.
    Picture your shin as the hour hand of a clock, pointing at 6. One hour further, to 5 or 7, is 30°, so every 20 minutes is 10°:
    • under 20°: less than 40 minutes
    • 20–30°: 40 minutes up to one hour
    • 30–40°: up to an hour and 20 minutes
    • 40–50°: up to an hour and 40 minutes
    • more than 50°: further still, toward two hours
    Measured with a phone level app? Just type the number.
test-prone-internal =
    Test 2 of 5: lying face down.
    Lie on your front, knees bent at a right angle, shins pointing up. Let one shin fall outward, away from the other leg, as far as is comfortable: that is your hip turning inward. Same clock picture, starting at 12.
test-prone-external =
    Now the other direction, still face down with your knees bent at a right angle. Let one shin fall inward, toward the other leg and past the middle of your body. That is your hip turning outward. Keep both hips on the floor and go only as far as is comfortable.
    Same clock picture, starting at 12.
test-ask-side =
    { $side ->
        [left] How far does your left leg go?
       *[right] And your right leg?
    }
test-supine =
    Test 3 of 5: lying on your back.
    Lie on your back, legs straight and relaxed, and let your feet flop. Do they fall inward, toes toward each other, more than outward?
feet-inward = Inward
feet-outward = Outward
feet-even = About even
test-figure4 =
    Test 4 of 5: figure-4.
    Sit on a chair and rest one ankle on the other knee. Let the raised knee sink, pressing gently if needed. Does that shin get about level with the floor, on both sides?
test-butterfly =
    Test 5 of 5: butterfly.
    Sit on the floor with the soles of your feet together and let your knees drop to the sides. Are both knees within about 15 cm (6 in) of the floor?
pass-yes = Yes
fail-no = No
test-pain = Last question: how much did the tests hurt, from 0 (not at all) to 10 (the worst)?
ask-usual-pain-now = And one more, since you re-tested: how much do your hip and knee hurt on an ordinary day now, from 0 to 10? I compare the morning after each session with this.
skip = Skip
it-hurt = It hurt
cannot-position = Can't get into position
test-hurt-note = Then leave that one, and never push through pain. If it was sharp, have a doctor or physiotherapist look at it.
degrees-not-understood = Please tap one of the ranges, or type the degrees as a number from 0 to 90, like 35.
# The measuring page (a Telegram Mini App) for the seated and face-down tests.
measure-offer = 📐 Most exact: let your phone measure it in degrees. Tap “Measure with my phone” below the typing field. No phone at hand? Tap a range above, or type the degrees.
measure-button = 📐 Measure with my phone
measure-done = 📐 I've put the measuring button away for now.
phone-measured =
    📐 Your phone measured your { $side ->
        [left] left
       *[right] right
    } side: { $degrees } (readings from { $low } to { $high }).
phone-wrong-step = That measurement was for { $test ->
        [seated] the seated test
        [prone_internal] the face-down test, shin falling outward,
       *[prone_external] the face-down test, shin falling inward,
    } on the { $side ->
        [left] left
       *[right] right
    }, but I'm asking about another one now, so I didn't save it. Measure this one, or tap a range.
phone-out-of-range = The page sent { $degrees }°, more than a hip turns (0 to 90°). Perhaps the phone slipped. I didn't save it: measure again, or type the number.
phone-too-late = That measurement comes from a page opened for an earlier question, so I didn't save it.
phone-unreadable = I couldn't read what the measuring page sent, so I didn't save anything. Measure again, or type the degrees as a number.
measure-not-asked = That measurement doesn't belong to a question I'm asking now, so I didn't save it.

band-under20 = under 20°
band-from20-to30 = 20–30°
band-from30-to40 = 30–40°
band-over40 = 40–50°
band-over50 = more than 50°

## The result

result-title = Your result
result-side =
    { $side ->
        [left] Left
       *[right] Right
    }: { $how ->
        [band] about { $degrees }°
        [phone] { $degrees }° (by phone)
       *[typed] { $degrees }°
    }, { $verdict ->
        [below] below
        [above] above
       *[within] within
    } the usual { $low }–{ $high }° for your age.
result-side-missing =
    { $side ->
        [left] Left
       *[right] Right
    }: not measured.
result-asymmetry = Your sides differ by { $difference }°. From 10° on, that is worth evening out, and the drills work each side.
result-even = Your two sides are close: { $difference }° apart.
result-track =
    { $track ->
        [internally_rotated_hip] What it means: your hip tends to sit turned inward, and turning outward is limited. The drills strengthen the muscles that turn the hip out and ease the ones that pull it in.
       *[limited_internal_rotation] What it means: your hips turn inward less than they could, so your knees may take the twist instead. The drills build that rotation back, strength first.
    }
result-track-fine = What it means: your hips turn well. The drills keep it that way and strengthen the muscles around them.
result-level = You'll start at level { $level } of 3.
result-hurt-note = One of the tests hurt: go gently, and if the pain was sharp, have it checked.
result-stop = The tests hurt a lot ({ $score }/10). A doctor or physiotherapist should look at this before you train, so I won't start the drills yet. Once you've been checked, just tell me.
result-next = I've saved this. Re-test any time with /assess, and I'll compare it with today.
result-change =
    { $side ->
        [left] Left
       *[right] Right
    }: { $kind ->
        [gain] { $sign }{ $change }° since the last test, a real gain.
        [loss] { $sign }{ $change }° since the last test, a real loss.
        [unlike] measured differently last time (an estimate and a number), so I won't compare them.
       *[same] { $sign }{ $change }° since the last test: no real change, as home tests vary more than that.
    }
track-limited-internal-rotation = stiff hips (too little inward rotation)
track-internally-rotated-hip = hip turned inward

## Profile and settings

profile-title = Here's what I know about you:
profile-footer = Change any answer with /settings.
profile-line =
    { $field ->
        [timezone] Time zone
        [age] Age
        [activities] Activities
        [sitting] Sitting per day
        [working_hours] Working hours
        [lunch] Lunch break
        [drill_time] Drill time
        [training_days] Training days
        [pain_sites] Where it hurts
        [usual_pain] Usual pain
        [equipment] Equipment
        [language] Language
        [red_flags] Safety check
       *[assessment] Last test
    }
not-answered = not answered yet
settings-menu = What would you like to change?
language-name = English

## The safety hold

hold-note = { $cause ->
        [minor] hipcoach is for adults, so there is no program for you: knee pain with stiff hips in a growing body should be seen by a doctor first.
        [test_pain] The drills are paused because the self-test hurt more than 5 out of 10; once a doctor or physiotherapist has checked you, tell me and we'll carry on gently.
        [repeated_pain] The drills are paused because sessions hurt more than 5 out of 10 twice in two weeks; once a doctor or physiotherapist has checked you, tell me and we'll carry on gently.
       *[other] The drills are paused until a doctor or physiotherapist has looked at what you told me; once they have, tell me and we'll carry on gently.
    }
minor-referral = Thank you. hipcoach is made for adults, so I won't set up a program or send reminders. In a body that is still growing, knee pain with stiff hips can come from the hip's growth zone, and a doctor should look at that first. If you typed your age by mistake, change it in /settings.
symptoms-intro = Let's check how you are now.
symptoms-none = Good, none of these. Nothing changes: carry on as planned.
flags-not-noted = All right, I haven't noted anything. If something like that comes up, tell me or send /symptoms.
result-nothing-measured = Every test was skipped, so I can't say anything about your hips yet. You'll start gently at level 1; measure when you can with /assess and I'll fit the program to the result.
retest-nothing-measured = Every test was skipped this time, so there is nothing new to compare. Measure again when you can with /assess.
range-dropped = Your range dropped since the last test, by more than home tests vary. Did something happen, like a fall, a twist, new pain or swelling?
check-symptoms = Check my symptoms
nothing-happened = Nothing happened
drop-noted = All right. A single measurement can be off; we'll see at the next test. If the knee or hip starts to hurt, swell or lock, send /symptoms.

## Values in a line

work-times = { $days } { $from }–{ $to }
time-span = { $from }–{ $to }
clock = { $time }
out-of-ten = { $score }/10
range-summary = { $date } · L { $left } · R { $right }

## Free text that means something by itself.
stop-offer = I hear you. What would suit you best? You can also just /pause me for a while at any time.
stop-pause-week = Pause everything for a week
stop-breaks-off = No more movement breaks
stop-delete = Delete all my data
stop-carry-on = Carry on as before
stop-carrying-on = Good, everything stays as it is.
youre-welcome = You're welcome! 😊
hello = { $greeting ->
        [morning] Good morning!
        [afternoon] Hello!
        [evening] Good evening!
       *[night] Hello, you're up late!
    }
next-session = Your session for today is ready when you are: send /today (about { $minutes } minutes).
next-rest-day = Today is a rest day. If you feel like moving anyway, /today gives you a session.
next-done-today = Today's session is done. /progress shows how you're getting on.
next-assess = Next step: measure your hips with /assess (about 10 minutes), and I'll build your program from it.
next-help = Send /help to see everything I can do.
stop-offer-new = I hear you. Until we have finished setting up, I only answer when you write to me, so nothing will arrive unasked. Would you like me to delete what you've told me so far?
