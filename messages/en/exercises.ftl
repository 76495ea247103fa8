# hipcoach: the exercises, in English.
# Ids: `ex-<code>` (the name) and `ex-<code>-how` (steps and a cue), where <code> is the
# ExerciseId's snake_case code with - for _ (src/core/catalog.rs). `muscle-<code>` for the
# muscles. The program adds the dose, so the texts never say how many or how long.

## Desk drills

ex-seated-chair-rotation = Seated chair hip rotation
ex-seated-chair-rotation-how =
    1. Sit tall near the front of your chair, feet flat.
    2. Lift one foot a little off the floor.
    3. Swing that foot outward while the knee drifts inward, then bring it back.
    Cue: the turn happens in your hip. Keep it slow and easy.

ex-leg-extension-twist = Leg extension with a twist
ex-leg-extension-twist-how =
    1. Sit tall and straighten one leg out in front of you.
    2. Turn the whole leg so your toes point inward.
    3. Then turn it so your toes point outward. In and out is one cycle.
    Cue: turn from the hip, not just the ankle.

ex-single-leg-stand-to-sit = One-leg stand-to-sit
ex-single-leg-stand-to-sit-how =
    1. Stand in front of your chair, feet hip-width apart.
    2. Shift most of your weight onto one leg.
    3. Sit down slowly on that leg, then stand up again.
    Cue: keep that knee in line with your toes. If it hurts, use both legs.

ex-desk-ankle-circles = Desk ankle circles
ex-desk-ankle-circles-how =
    1. Sit tall and lift one foot just off the floor.
    2. Draw slow circles with your toes, one way and then the other.
    3. Switch feet.
    Cue: make the circles big and slow, and keep breathing.

ex-walking-break = Mini walking break
ex-walking-break-how =
    1. Stand up from your desk.
    2. Walk a few steps with your toes pointing forward.
    3. Stand tall for a moment before you sit down again.
    Cue: let your hips swing freely. A walk to refill your glass counts.

## Limited inward rotation

ex-seated9090-stretch = Seated 90-90 stretch
ex-seated9090-stretch-how =
    1. Sit on the floor with one leg straight. Bend the other knee to a right angle, foot flat.
    2. Sit tall, both hips level and facing forward.
    3. Let the bent knee sink inward until that hip feels a gentle pull.
    4. Breathe slowly and hold, then switch sides.
    Cue: gentle pressure only. Never force the knee down.

ex-hip-switches9090 = 90/90 hip switches
ex-hip-switches9090-how =
    1. Sit on the floor, one leg bent in front of you, the other bent out to the side, both knees at right angles.
    2. Lift both knees a little and turn them over to the other side.
    3. Land in the mirror position, then switch back.
    Cue: sit tall. Try to keep your hands off the floor, but use them for support at first.

ex-wall-axial-rotation = Wall hip rotation
ex-wall-axial-rotation-how =
    1. Face a wall, hands on it. Lift one knee, bent at a right angle, and rest it lightly on the wall.
    2. Turn the thigh inward, so the foot swings out, and hold. Then turn it outward and hold.
    3. Do this with the knee low, in the middle, then at hip height. That is one cycle.
    Cue: keep both hips level and stand tall on the other leg.

ex-liftoff9090 = 90/90 liftoff
ex-liftoff9090-how =
    1. Sit in the 90/90 position: front leg bent in front, back leg bent to the side, knees at right angles.
    2. Keep the back knee down and lift the back foot off the floor, turning from the thigh.
    3. Hold, then lower the foot slowly and relax.
    Cue: think of pulling the thigh into the hip. Cramps are normal at first. Stop if the knee hurts.

# The 10-second push is the seed's hold, the same at every level (catalog.rs), so this
# text may name it.
ex-ir-pails-rails = Hip rotation PAILs/RAILs
ex-ir-pails-rails-how =
    Two holds at the end of your range. PAILs: you push against the stretch and nothing moves. RAILs: you pull further into it with your own muscles.
    1. Lie on your back, one knee bent, that foot flat on the floor. Let the knee fall inward as far as it goes easily, until you feel a gentle stretch on the outside of the hip.
    2. PAILs: put your hand on the outside of that knee. Gently push the knee outward into your hand, against the stretch, for about 10 seconds. Your hand holds it still, so nothing moves.
    3. RAILs: take your hand away. Now use the muscles that turn your thigh inward to pull the knee a little further inward, with no hand helping, and hold for a few breaths. It may move only a little, and a cramp is normal at first.
    4. Relax, and let the leg come back to the middle.
    Cue: build up gently, never into pain, and keep breathing.

ex-kneeling-windmill = Kneeling windmill
ex-kneeling-windmill-how =
    1. Kneel on one knee, the other foot flat in front of you.
    2. Sit tall and turn your chest toward the front knee.
    3. Turn back to the middle with control.
    Cue: stay upright, and let your pelvis turn with you so the front hip rotates.

ex-band-seated-internal-rotation = Seated band rotation
ex-band-seated-internal-rotation-how =
    1. Sit on a chair, knees and feet hip-width apart, with a light band looped around both ankles or low on the shins.
    2. Keep your knees where they are and turn both thighs inward, so your feet move apart against the band.
    3. Come back slowly.
    Cue: sit tall and let the turn come from your hips. You should feel it deep on the outside of the hip and in the groin.

ex-side-lying-clamshell = Side-lying clamshell
ex-side-lying-clamshell-how =
    1. Lie on your side, hips stacked, knees bent.
    2. Keep your feet together and lift the top knee.
    3. Lower it slowly.
    Cue: turn at the hip, and don't let your pelvis roll back.

ex-standing-internal-rotation = Standing band hip rotation
ex-standing-internal-rotation-how =
    1. Tie a band at belly-button height. Stand side-on to it and hold it with both hands.
    2. Stand in a slight squat, feet a bit wider than your shoulders, spine tall.
    3. Turn your whole body away from the band, pivoting over the leg farther from it. Hold, then come back slowly.
    Cue: keep a firm arch in your foot and let the turn come from the hip.

ex-cuff-internal-rotation-pull = Cable hip rotation
ex-cuff-internal-rotation-pull-how =
    1. Clip a low cable to an ankle cuff on the working leg. Stand side-on, that leg farther from the machine.
    2. Hold on for balance and bend the working knee, so the foot lifts behind you.
    3. Turn the thigh inward, so the foot swings away from the machine. Return slowly.
    Cue: keep your knees side by side. Only the thigh turns.

ex-lunge = Lunge
ex-lunge-how =
    1. Stand tall, feet hip-width apart.
    2. Take a long step forward and bend both knees until the back knee nearly touches the floor.
    3. Push through the front foot to come back up.
    Cue: keep the front knee in line with your toes, not falling inward.

ex-squat = Squat
ex-squat-how =
    1. Stand with your feet shoulder-width apart.
    2. Sit back and down, as if onto a chair, chest up.
    3. Go as low as feels good, then stand up.
    Cue: your knees follow your toes, all the way down and up.

ex-bulgarian-split-squat = Bulgarian split squat
ex-bulgarian-split-squat-how =
    1. Stand a long step in front of a chair, facing away. Rest the top of your back foot on the seat.
    2. Lower straight down until the front thigh is nearly level.
    3. Push through the front foot to rise.
    Cue: keep your weight on the front leg, its knee in line with the toes.

ex-supine-windshield-wiper = Windshield wipers
ex-supine-windshield-wiper-how =
    1. Lie on your back, knees bent, feet flat and wider than your hips.
    2. Let both knees fall slowly to one side.
    3. Bring them back up and let them fall to the other side.
    Cue: keep your shoulders on the floor and move only as far as feels easy.

## Hip turned inward

ex-kneeling-hip-flexor-stretch = Kneeling hip flexor stretch
ex-kneeling-hip-flexor-stretch-how =
    1. Kneel on one knee, the other foot flat in front, both knees at right angles.
    2. Keep your upper body upright and tuck your tailbone under a little.
    3. Ease your hips forward until the front of the kneeling hip stretches. Hold.
    Cue: a cushion under the knee helps. Don't arch your lower back.

ex-butterfly-stretch = Butterfly stretch
ex-butterfly-stretch-how =
    1. Sit on the floor and press your soles against each other. Let your knees open to the sides.
    2. Sit tall and let your knees sink toward the floor.
    3. Press them down gently with your hands if you want more. Hold.
    Cue: if this is hard, sit with your legs wide apart instead and lean forward from the hips, back long.

ex-tfl-lean = Cross-legged side lean
ex-tfl-lean-how =
    1. Stand tall and cross one leg behind the other.
    2. Push the hip of the back leg out to the side and lean your upper body the other way.
    3. Hold, feeling a stretch along the outside of that hip.
    Cue: hold on to a wall or a chair if you wobble.

ex-figure4-stretch = Figure-4 stretch
ex-figure4-stretch-how =
    1. Lie on your back with both knees bent.
    2. Rest one ankle on the other knee.
    3. Take the lower leg's thigh in both hands and ease it toward your chest. Hold.
    Cue: you should feel it in the buttock of the crossed leg. Keep your head down.

ex-banded-clamshell = Banded clamshell
ex-banded-clamshell-how =
    1. Lie on your side, hips stacked, knees bent at right angles, a band just above the knees.
    2. Keep your feet together and open the top knee toward the ceiling.
    3. Close it slowly against the band.
    Cue: work from the buttock and keep your lower back still.

ex-side-lying-leg-raise = Side-lying leg raise
ex-side-lying-leg-raise-how =
    1. Lie on your side, legs straight and stacked, head resting on your arm.
    2. Lift the top leg toward the ceiling.
    3. Lower it slowly.
    Cue: keep your toes pointing forward and your hips from rolling back.

ex-banded-lateral-walk = Banded side steps
ex-banded-lateral-walk-how =
    1. Loop a band around both legs, at the ankles or above the knees.
    2. Stand with feet shoulder-width apart, knees and hips slightly bent.
    3. Take small steps sideways, keeping the band tight. Then walk back the other way.
    Cue: keep your hips level and don't rock from side to side.

ex-glute-bridge = Glute bridge
ex-glute-bridge-how =
    1. Lie on your back, knees bent, feet flat and hip-width apart.
    2. Squeeze your buttocks and lift your hips until knees, hips and shoulders form a line.
    3. Lower slowly.
    Cue: push through your heels. You should feel it in your buttocks, not your back.

ex-single-leg-glute-bridge = Single-leg glute bridge
ex-single-leg-glute-bridge-how =
    1. Lie on your back, knees bent, feet flat.
    2. Straighten one leg, keeping it in line with the other thigh.
    3. Push through the other heel to lift your hips, then lower slowly.
    Cue: keep your hips level. Don't let one side drop.

ex-bird-dog = Bird-dog
ex-bird-dog-how =
    1. Start on all fours, wrists below your shoulders, knees below your hips.
    2. Stretch one arm out in front and the leg of the other side out behind, until both are straight.
    3. Pause, bring them back, and switch sides.
    Cue: keep your back flat and your hips level, as if a cup of tea sat on your back.

ex-banded-squat = Squat with a knee band
ex-banded-squat-how =
    1. Put a band around your legs just above the knees. Stand with feet shoulder-width apart.
    2. Squat down slowly, pressing your knees gently out against the band.
    3. Stand back up, keeping the band tight.
    Cue: your knees point the same way as your toes, all the way down and up.

ex-single-leg-balance = Single-leg balance
ex-single-leg-balance-how =
    1. Stand tall next to a wall or a chair.
    2. Lift one foot and balance on the other leg, knee soft.
    3. Keep your kneecap pointing forward and your hips level. Hold.
    Cue: once it feels easy, reach out with your arms or your free leg while you balance.

## Muscles

muscle-glute-max = glutes
muscle-glute-med-min = outer hip
muscle-deep-rotators = deep hip rotators
muscle-internal-rotators = muscles that turn the hip inward
muscle-hip-flexors = hip flexors
muscle-adductors = inner thighs
muscle-tfl = front of the outer hip
muscle-hamstrings = back of the thighs
muscle-quadriceps = front of the thighs
muscle-core = core
muscle-ankle-calf = ankles and calves
