# hipcoach: every word of the measuring page (src/webapp/), in English.
# The server hands these to the page as texts/en.json; a variable { $n } reaches it as {n}.

app-title = Measure with your phone
app-test-seated = Sitting: foot swings outward
app-test-prone-internal = Face down: shin falls outward
app-test-prone-external = Face down: shin falls inward
app-side-left = Left leg
app-side-right = Right leg
app-setup-seated = Sit on the edge of a table, a bed or a high chair, so that your foot hangs free with the knee bent at a right angle. Hold or strap the phone flat against the front of your shin, its long edge along the shin. You'll swing the foot outward, so the shin tilts, while your thigh stays flat on the seat and your hips stay level.
app-setup-prone-internal = Lie face down with your knee bent at a right angle, shin pointing up. Hold or strap the phone flat against the front of your shin, its long edge along the shin. You'll let the shin fall outward, away from the other leg.
app-setup-prone-external = Lie face down with your knee bent at a right angle, shin pointing up. Hold or strap the phone flat against the front of your shin, its long edge along the shin. You'll let the shin fall inward, toward the other leg.
app-step-zero = With the shin upright and still, tap Zero.
app-step-turn = Turn as far as is comfortable and hold still. I take the reading once the phone is steady.
app-step-back = Come back to the start and hold still. We do this three times and keep the middle value.
app-pain = If the pain gets worse, stop and tap “It hurt” in the chat.
app-zero = Zero
app-status-zeroing = Hold still with your shin upright…
app-status-turn = Now turn as far as is comfortable and hold still.
app-status-back = Got it. Back to the start and hold still.
app-status-beyond = That was more than 90°, further than a hip turns: the phone may have slipped. Check it sits flat on the shin, go back to the start and turn again.
app-status-other-way = That went another way than the first time. Turn the same way as before, or tap Start again.
app-status-more = Those readings are more than 5° apart. One more, please: back to the start and hold still.
app-now = Now: { $degrees }
app-reading = Reading { $n }: { $degrees }
app-result = Your result
app-uneven = Your readings stayed uneven, so I kept the middle one of all { $n }. Take it as a rough value.
app-send = Send
app-again = Start again
app-outside = Open this from the chat with the bot, or type the number there.
app-bad-link = This link doesn't say which test to measure. Type the number in the chat instead.
app-no-sensor = This phone's motion sensors can't be read here. Type the number in the chat instead.
app-slow-sensor = This phone's motion sensor reports too rarely to measure. Type the number in the chat instead.
app-sensor-stopped = The motion sensor stopped sending. Type the number in the chat instead, or open the page again.
app-no-bridge = Telegram's part of this page didn't load; check your connection. Or type the number in the chat instead.
app-unsupported = This device has no motion sensor Telegram can read. Type the number in the chat instead.
app-sensor-failed = The motion sensor wouldn't start. Type the number in the chat instead.
app-permission = Without access to motion and orientation I can't measure. Type the number in the chat instead.
