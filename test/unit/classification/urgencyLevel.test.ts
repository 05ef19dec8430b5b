import { createEmbeddedClassifier } from '../../../src/classification'
import type { ConcernAssessment } from '../../../src/classification/concernModel'
import { EmbeddedClassifier } from '../../../src/classification/embeddedClassifier'
import type { RiskCategory } from '../../../src/classification/taxonomy'
import { assessSafety, assessUrgencyContext } from '../../../src/classification/safetyRules'

const classifier = createEmbeddedClassifier()
const level = async (text: string): Promise<string> => (await classifier.classifyFeedback(text)).risk.level

describe('what makes a concern urgent', () => {
  it('pages for a worry about staffing or infection control only when someone is harmed or in danger now', async () => {
    expect(await level('They have two staff for 18 people with dementia on the top floor. Nobody injured yet.')).toBe('high')
    expect(await level('There is black mould in the shower room and the extractor is broken. Residents still use it.')).not.toBe('urgent')
    expect(await level('Only one carer on nights for 30 residents, people are falling and no one comes')).toBe('urgent')
    expect(await level('scabies going round mum\'s home for weeks, residents scratching themselves raw, manager won\'t get it treated')).toBe('urgent')
  })

  it('sends a worker\'s report about a place they have left, with no one harmed now, to an inspector without a page', async () => {
    const risk = (await classifier.classifyFeedback('The manager shouts at staff and people are scared to raise concerns. I left last month.')).risk
    expect(risk.level).toBe('high')
    expect(risk.reason).toMatch(/High rather than urgent because/)
  })

  it('reads when harm happened: now and last night page, last year with nothing ongoing does not', () => {
    expect(assessUrgencyContext('Mum\'s pressure sore is black and smells, she is crying in pain right now').atRiskNow).toBeDefined()
    expect(assessUrgencyContext('Last night I found new bruises on her wrists.').atRiskNow).toBeDefined()
    const past = assessUrgencyContext('A carer was rough with mum last year. He no longer works there.')
    expect(past.past).toBe(true)
    expect(past.atRiskNow).toBeUndefined()
  })

  it('ends a negation at a new clause, so harm after it still counts', () => {
    expect(assessUrgencyContext('my mum was given morphine she wasnt prescribed and now she wont wake up properly').harmShown).toBeDefined()
    expect(assessUrgencyContext('Nobody was hurt.').harmShown).toBeUndefined()
  })

  it('reads a risk to life named as a topic or a service as no risk, and never lowers a real one', async () => {
    expect(assessSafety('The self harm support group at the day centre has been a lifeline for my daughter.').level).not.toBe('urgent')
    expect(assessSafety('The nurse asked me the routine questions about suicide, which I thought was good practice.').level).toBe('none')
    expect(await level('feel like ending it tbh. crisis line didnt answer. sitting in the car park')).toBe('urgent')
    expect(await level('I have given away my things and written letters to my kids. Thank you to the nurses who tried.')).toBe('urgent')
  })
})

describe('people missing now, and patients left to get worse', () => {
  it('pages for someone with care needs who is missing and not yet found', async () => {
    expect(await level('Mum is 79 with dementia and walked out of Maple Lodge at about 2pm. They still haven\'t called the police. It\'s dark and she\'s in her slippers.')).toBe('urgent')
    expect(await level('the school lost my daughter on a trip to the park. shes 12 and autistic. nobody knows where she is')).toBe('urgent')
    expect(await level('My son\'s children\'s home lost track of him for six hours last spring. The police found him at a bus station. He\'s back, safe, and the home did all the right things.')).not.toBe('urgent')
  })

  it('pages for a deteriorating patient left without review', async () => {
    expect(await level('Crew here. Pt on a trolley in the corridor 6h, NEWS 8, not reviewed by the medics despite three escalations.')).toBe('urgent')
    expect(await level('NEWS went up to 6 overnight, the nurse escalated and the registrar reviewed him within ten minutes. Brilliant care.')).not.toBe('urgent')
  })

  it('reads ordinary words as themselves, not as a misspelt safety word or a number as text-speak', async () => {
    expect(assessSafety('She fell in the night and was X-rayed the next morning.').categories).not.toContain('sexual')
    expect(assessSafety('Mum has had 4 falls in 2 months at the home.').level).not.toBe('none')
  })

  it('pages for harm added to a calm message: praise around it does not dilute it', async () => {
    const earlier = 'My dad had his hip done at the General last week and the nurses were lovely.\n\ngood\n\nno thanks\n\nwhat happened to my feedback'
    expect(await level(`${earlier}\n\nthank you. when will you go there? he is still scared because a nurse slapped him last night`)).toBe('urgent')
  })

  it('does not read a risk to life into a complaint that speaks of no crisis', async () => {
    expect(await level('There\'s been scaffolding up round Mum\'s care home for six months and her window looks onto it. They said six weeks.')).not.toBe('urgent')
    expect(await level('He told me last night he has written letters to the children and he knows where he\'ll go to do it.')).toBe('urgent')
  })
})

describe('emergencies that are over', () => {
  it('does not page for an emergency that help came to and the person recovered from, and still pages for one happening now', async () => {
    expect(await level('A carer found my aunt unconscious on the floor and called 999, she is in hospital and doing well now.')).not.toBe('urgent')
    expect(await level('When dad collapsed at the day centre the staff did CPR until the ambulance came. They saved his life.')).not.toBe('urgent')
    expect(await level('she collapsed in the lounge and staff didnt call an ambulance for an hour, she is still on the floor')).toBe('urgent')
    expect(await level('When Grandad stopped breathing on the ward the crash team were round him in seconds. He came home last week.')).not.toBe('urgent')
    expect(await level('Nan lay on the floor for three hours waiting for the ambulance. She wasn\'t hurt at all, thank goodness.')).not.toBe('urgent')
    expect(await level('Nan is lay on the floor in her room and the carers say the ambulance will be hours')).toBe('urgent')
  })

  it('reads an explained bruise as explained', async () => {
    expect(await level('Mum has bruises on her arms from the blood tests, the nurse explained and they are fading.')).not.toBe('urgent')
    expect(await level('Dad got a small bruise on his shin from the bed rail. The nurses wrote it up and padded the rail.')).not.toBe('urgent')
  })

  it('reads a question about what to do if harm happened, or a figure of speech, as no report, but still pages the real thing', async () => {
    expect(assessSafety('Training question, nothing has happened. If I am an HCA and I see a colleague hit a patient, who should I tell first?').level).toBe('none')
    expect(assessSafety('Mum would kill me if she knew I was writing this, but her carers are the kindest people.').level).toBe('none')
    expect(assessSafety('I have had an overdose of forms at this clinic.').level).toBe('none')
    expect(await level('I saw a colleague hit a patient on the ward today and she is still on shift.')).toBe('urgent')
  })

  it('places the past by what it says, not by a word that looks like it', () => {
    expect(assessUrgencyContext('Mum fell and they left her on the floor. It has been five hours and she is still down there.').atRiskNow).toBeDefined()
    expect(assessUrgencyContext('They put two morphine patches on her at once and she is barely breathing.').settled).toBe(false)
  })
})

describe('danger shown by what is happening to the person, not by alarming words', () => {
  it('pages for someone on a floor, cold, with stroke signs, fitting, or left without heat or food now', async () => {
    expect(await level("Dad has been on the bathroom floor since 6 this morning, the carers can't lift him and he's freezing")).toBe('urgent')
    expect(await level('My son had botox at a salon yesterday and now he is struggling to swallow and his eyelid is drooping')).toBe('urgent')
    expect(await level('my brother has epilepsy and the home ran out of his tablets, he had a fit this morn')).toBe('urgent')
    expect(await level("The carers switched her heating off to save money and she can't get out of bed")).toBe('urgent')
    expect(await level("The agency told us to skip his lunchtime visits because we are short. He is diabetic and can't make food himself")).toBe('urgent')
  })

  it('pages for harm that is still going on after someone came', async () => {
    expect(await level("The ambulance crew dropped her on the stairs and drove off. She's still lying there screaming")).toBe('urgent')
    expect(await level("Night staff tie his hands to the bed rails with a sheet. It's still happening.")).toBe('urgent')
    expect(await level("I don't feel safe with myself tonight, the crisis team hasn't called back")).toBe('urgent')
  })

  it('does not page for a floor of a building, a nurse who works in A&E, or harm reduction', async () => {
    expect(await level('There are two staff for 20 residents on the top floor at night')).not.toBe('urgent')
    expect(await level('The nurse in A&E held my hand the whole time, thank you so much')).toBe('none')
    expect(await level('Picked up an overdose kit from the chemist, staff were lovely')).toBe('none')
    expect(await level('Two years clean now thanks to the recovery team, I overdosed in 2021 and they never gave up')).not.toBe('urgent')
  })

  it('reads an investigation under way, a doctor who saw it, or an arrest as harm in hand', async () => {
    expect(await level('Safeguarding are already investigating the carer who took money from mum. The carer no longer visits.')).toBe('high')
    expect(await level('A resident pushed another resident on Monday. GP saw it, 1:1 support put in place, family told.')).toBe('high')
    expect(await level('Police took a carer away from the home last week over missing money, the residents are fine')).toBe('high')
    expect(await level("I left the home in March. Fire doors were wedged open and fire checks were signed off. Don't know if it's still like that.")).not.toBe('urgent')
  })
})

describe('care that is routine, and recoveries, are not harm that keeps happening', () => {
  it('reads checks and visits every night or week as care, not as harm repeating', async () => {
    expect(await level('Dad was found on the floor last week, the GP checked him and nothing was broken. Staff check him every night now and he has a sensor mat.')).not.toBe('urgent')
    expect(await level("I had suicidal thoughts last year and the perinatal team visited me every week. I'm well now.")).not.toBe('urgent')
    expect(await level('The carer who visits every day slaps him when he is slow')).toBe('urgent')
    expect(await level('The carer visits every day and leaves him in a soaking pad')).toBe('urgent')
  })

  it('reads an emergency that ended in recovery, and blood at the dentist, as no emergency now', async () => {
    expect(await level('When mum collapsed in the summer I was terrified, but the rehab team got her walking again')).not.toBe('urgent')
    expect(await level('the dentist pulled my tooth, blood everywhere lol but honestly painless')).not.toBe('urgent')
  })
})

const embedded = new EmbeddedClassifier()
const reading = (category: RiskCategory, margin: number): ConcernAssessment => ({ score: margin, margin, level: 'urgent', confidentlyCalm: false, category, evidence: [] })
/** The concern model's part of the risk for a fixed reading, so the test does not move when the model is retrained. */
const concernRisk = (text: string, category: RiskCategory, margin: number) => embedded.concernRisk(text, reading(category, margin), assessSafety(text))

describe('a concern model reading far over its urgent line', () => {
  it('pages without a phrase naming the harm, and says why', () => {
    const text = 'One of the night staff makes a lad on our unit stand in the corridor in his socks when he will not settle. The others just laugh.'
    expect(concernRisk(text, 'unsafe-care', 0.9).level).toBe('urgent')
    expect(concernRisk(text, 'unsafe-care', 0.9).reason).toMatch(/far over the urgent line/)
    expect(concernRisk('grandad is on the lino by the back door, been there since the carer left, wont answer me properly', 'risk-to-life', 0.9).level).toBe('urgent')
  })

  it('just over the line, or about a staffing or hygiene regime or a worker\'s report, still needs someone harmed now', () => {
    const text = 'One of the night staff makes a lad on our unit stand in the corridor in his socks when he will not settle. The others just laugh.'
    expect(concernRisk(text, 'unsafe-care', 0.3).level).toBe('high')
    expect(concernRisk('Two carers for the whole of the top corridor on Sundays, twenty two residents', 'unsafe-staffing', 1.2).level).toBe('high')
    expect(concernRisk('I work nights there. Managers tell us not to write incidents down.', 'whistleblowing', 1.2).level).toBe('high')
    expect(concernRisk('The sluice room has not been cleaned for a week and smells', 'infection-control', 1.2).level).toBe('high')
  })

  it('still lowers a reading placed in the past', () => {
    expect(concernRisk('In 2019 a night carer dragged my uncle along the corridor by his collar. She was sacked.', 'unsafe-care', 0.9).level).toBe('high')
  })
})

describe('a crisis that is over', () => {
  it('does not page for a recovery, even when the crisis was daily or the complaint now is about appointments', async () => {
    expect(await level('Three summers ago I was suicidal and the crisis line kept me going. I\'m training to be a counsellor now.')).not.toBe('urgent')
    expect(await level('Last year my daughter was cutting herself every night. The CAMHS team were brilliant and she\'s doing really well now.')).not.toBe('urgent')
    expect(await level('He overdosed last spring. He\'s doing well now but his appointments have been cancelled four times.')).not.toBe('urgent')
  })

  it('pages when the harm has come back', async () => {
    expect(await level('She was suicidal last year and got better, but now she is cutting herself every night again')).toBe('urgent')
  })
})

describe('belongings that go missing', () => {
  it('sends one lost item to an inspector within a day, and a complaint not yet answered is not harm that persists', async () => {
    expect(await level('Grandad\'s watch went missing from his bedside on the orthopaedic ward. PALS still haven\'t got back to me.')).toBe('high')
  })

  it('pages when money keeps going, or someone takes it', async () => {
    expect(await level('Cash keeps going missing from my aunt\'s room at the home, another £30 this week')).toBe('urgent')
    expect(await level('The night carer stole my nan\'s rings while she slept')).toBe('urgent')
  })
})

describe('harm told after someone was told or checked', () => {
  it('pages when a later sentence shows harm now, though a nurse was told', async () => {
    const text = 'I told the nurse my son drank bleach an hour ago and she said he would sleep it off. He is being sick now and crying.'
    expect(assessUrgencyContext(text).settled).toBe(false)
    expect(await level(text)).toBe('urgent')
  })

  it('still reads a check as settling harm told before it', () => {
    expect(assessUrgencyContext('Dad fell on Tuesday and hurt his hip. The GP checked him and he is fine now.').settled).toBe(true)
  })
})

describe('dangers named by what they do to the body', () => {
  it('reads a knee on the neck as restraint, a head caught in bed rails and a machine someone needs to breathe as harm now', async () => {
    expect(await level('On the ward last night a nurse kept a knee on my brother\'s neck while they injected him.')).toBe('urgent')
    expect(assessUrgencyContext('This morning his arm got trapped between the bed rail and the mattress again.').harmShown).toBeDefined()
    expect(assessUrgencyContext('The company collected her oxygen concentrator by mistake. She needs it to breathe.').harmShown).toBeDefined()
  })
})

describe('harm named by training, a programme or a leaflet', () => {
  it('does not page for a course on choking, a TV drama about abuse or a poster\'s words', async () => {
    expect(await level('Our first aid refresher covered choking and anaphylaxis, the trainer was brilliant.')).not.toBe('urgent')
    expect(await level('There was a documentary on TV last week about a unit where staff were assaulting patients. Nothing like our ward, thankfully.')).not.toBe('urgent')
    expect(await level('The poster in the waiting room says if you are thinking of killing yourself talk to us, but it is too high up to read from a wheelchair.')).not.toBe('urgent')
  })

  it('still pages for the emergency itself', async () => {
    expect(await level('Mum is choking on a sandwich in the day room and nobody is coming')).toBe('urgent')
  })
})

describe('telling someone does not make a person safe', () => {
  it('does not settle harm the message shows happening now because it was reported', () => {
    const now = assessUrgencyContext('My son has new bruises on both arms from another patient and he is crying. I reported it to the nurse in charge.')
    expect(now.atRiskNow).toBeDefined()
    expect(now.settled).toBe(false)
  })

  it('still settles a report about harm that is over', () => {
    expect(assessUrgencyContext('A carer shouted at Dad in March. We reported it to safeguarding and she was moved to another home.').settled).toBe(true)
  })
})

describe('a concern model reading just over its urgent line', () => {
  it('pages for sexual abuse, and for a crisis the message names, with no rule to confirm them', () => {
    expect(concernRisk('The new support worker keeps asking my sister to sit on his knee when the others are out.', 'sexual', 0.05).level).toBe('urgent')
    expect(concernRisk('I have saved up my tablets and I have had enough of everything.', 'risk-to-life', 0.05).level).toBe('urgent')
  })

  it('holds back other readings just over the line for a working day', () => {
    expect(concernRisk('The new support worker keeps asking my sister to sit on his knee when the others are out.', 'neglect', 0.05).level).toBe('high')
  })
})

describe('terse messages about danger now', () => {
  it('pages for a wish to stop existing with the means at hand, a failing ventilator, low oxygen and a drunk carer', async () => {
    expect(await level('honestly i just want to stop existing. the crisis team closed my case. tablets counted out on my desk')).toBe('urgent')
    expect(await level('dads ventilator alarm keeps going off and the night nurse never turned up')).toBe('urgent')
    expect(await level('111 told my husband to rest but his sats are 85 and he cant talk in full sentences')).toBe('urgent')
    expect(await level('agency carer is drunk, slurring, and she is about to hoist nan on her own')).toBe('urgent')
  })
})

describe('emergencies named by their signs', () => {
  it('reads "since … last week" as still going on, not as the past', () => {
    expect(assessUrgencyContext('The fire alarm has been disconnected since the false alarm last week and 30 residents are in bed.').past).toBe(false)
  })

  it('pages for a swallowed battery, signs of pre-eclampsia, a rash that does not fade and someone dying unattended', async () => {
    expect(await level('My toddler swallowed a button battery at teatime and the urgent care centre told us to watch her at home')).toBe('urgent')
    expect(await level('My wife is 35 weeks pregnant, she has a splitting headache and flashing lights, and the maternity line said take paracetamol')).toBe('urgent')
    expect(await level('My son has a rash that does not fade when I press a glass on it and the GP receptionist said Monday')).toBe('urgent')
    expect(await level('An old man is dying on a trolley in the corridor and no one has been near him for hours')).toBe('urgent')
  })
})

describe('questions and figures of speech about harm', () => {
  it('does not page for a question whether something counts as abuse, a screening question, or things that cannot go on', async () => {
    expect(await level('Is it neglect if the home will not let Dad stay up for the late film? Only half joking, he loves his westerns.')).not.toBe('urgent')
    expect(await level('The practice nurse asked my 16 year old son about self-harm with his sister in the room. Routine, I know, but awkward.')).not.toBe('urgent')
    expect(await level('The agency has sent a different carer every day this fortnight and it cannot carry on like this.')).not.toBe('urgent')
  })

  it('still pages when a person cannot carry on', async () => {
    expect(await level('I cant carry on, the crisis team keep cancelling and I have nothing left')).toBe('urgent')
  })
})

describe('a worker reporting harm by what is done to the body', () => {
  it('pages when the report shows someone held by the neck, not when it reports a culture of silence', async () => {
    expect(await level('I am a support worker there. The deputy holds one of the lads against the door by his throat when he shouts.')).toBe('urgent')
    expect(await level('I work nights there. Managers tell us not to write incidents down.')).not.toBe('urgent')
  })
})

describe('threats made as jokes, and illness that will kill', () => {
  it('does not page for a threat marked as a joke by a laughing face or as banter', async () => {
    expect(await level('Ill strangle my sister, she finished the biscuits at the day centre open day 🤣 lovely afternoon though')).not.toBe('urgent')
    expect(await level('One of the chefs yelled "I\'ll batter him" about the lad who broke the toaster. Everyone knew it was banter.')).not.toBe('urgent')
    expect(await level('The consultant said the tumour will kill him within months and told us with no interpreter.')).not.toBe('urgent')
  })

  it('still pages a threat told with a nervous laugh or with fear', async () => {
    expect(await level('The night carer said she would kill him if he rang the bell again lol')).toBe('urgent')
    expect(await level('He keeps saying he will kill me 😂 but honestly I am scared of him')).toBe('urgent')
  })
})

describe('a crisis long behind someone', () => {
  it('does not page for an old overdose or self-harm the person has not repeated for years', async () => {
    expect(await level('Her overdose at university is long behind her now, but the new GP keeps asking about it at every visit.')).not.toBe('urgent')
    expect(await level('The care plan still lists self-harm at the top. He has not self harmed for six years and it upsets him.')).not.toBe('urgent')
  })

  it('still pages one that has come back', async () => {
    expect(await level('He had not self harmed for six years but last night he cut himself again and the ward did nothing')).toBe('urgent')
  })
})

describe('danger shown without the usual words', () => {
  it('pages for someone who will not wake, is shut outside in the cold, or has had no sign of life for days', async () => {
    expect(await level('Went in to see Gran and she was slumped in her chair and I couldnt rouse her properly, staff said she is always sleepy')).toBe('urgent')
    expect(await level('They shut one of the residents out in the freezing garden for swearing')).toBe('urgent')
    expect(await level('Nobody has seen Mrs Khan next door, her milk is piling up on the doorstep and the curtains have not moved since Friday')).toBe('urgent')
  })

  it('pages for a goodbye text, someone buying pills in bulk, or a carer who does things to someone', async () => {
    expect(await level('my mate texted goodbye forever and now his phone is off')).toBe('urgent')
    expect(await level('A customer tried to buy 64 paracetamol saying her mum asked for them')).toBe('urgent')
    expect(await level('My son says the driver does bad things to him on the bus to the day centre')).toBe('urgent')
  })

  it('does not page for waking late, or someone given their things back', async () => {
    expect(await level('I couldnt wake up in time for the clinic because the new tablets make me drowsy, please move my slot')).not.toBe('urgent')
    expect(await level('Staff took his tablet off him overnight as a punishment. He got it back in the morning, but I want it looked at.')).not.toBe('urgent')
  })
})

describe('a regime that ignores people\'s needs', () => {
  it('goes to an inspector within a day when no one is harmed now', async () => {
    expect(await level('The care workers are putting Dad to bed at 7pm, the only visit time they have left. He is a night owl and lies awake for hours.')).toBe('high')
  })

  it('pages when the regime is harming someone now', async () => {
    expect(await level('They put residents to bed at 5pm and tonight my mum is crying in pain in a soaked pad and nobody is coming')).toBe('urgent')
  })
})

describe('the writer saying no one is in danger', () => {
  it('does not page on the concern model\'s words alone when the message says no one has come to harm', async () => {
    expect(await level('Carer here. The home keeps refusing my deliveries of insulin pens because no nurse is on to sign, so they come the next day. No one has come to harm but it worries me.')).not.toBe('urgent')
  })

  it('still pages a hedged message that shows someone in danger', async () => {
    expect(await level('Not an emergency I suppose, but my sister is on the bathroom floor and cannot get up and the carers have not come')).toBe('urgent')
  })
})

describe('recoveries and habits told in everyday words', () => {
  it('reads a healed break, a return home the same night, bruising easily and being dragged to the gym as no danger now', async () => {
    expect(await level('I drove Mr Okafor to the fracture clinic after he broke his arm in March. It has healed nicely and he was signed off today.')).not.toBe('urgent')
    expect(await level('Grandad went to A&E from the home with a chest infection (treated, back the same night and well) but nobody from the home went with him and nobody rang us until the morning. He has dementia, he would have been frightened.')).not.toBe('urgent')
    expect(await level('Mum bruises easily on her blood thinners and the nurse checks her skin at every visit, lovely team.')).not.toBe('urgent')
    expect(await level('The physios literally dragged me to the gym every morning and now I can climb the stairs 💪 home on Friday, thanks all')).not.toBe('urgent')
  })
})

describe('danger shown by what has stopped or run out', () => {
  it('pages for call bells switched off, food run out, someone who walked out, or sleeping tablets given unprescribed', async () => {
    expect(await level('I work nights at Beech House. The senior unplugs the call bells at midnight so we can rest. Thirty residents.')).toBe('urgent')
    expect(await level('Kitchen assistant here. The supplier stopped delivering because the bills are unpaid and we have run out of food, 30 residents.')).toBe('urgent')
    expect(await level('Dad has dementia and wandered off from the day centre while staff were on their break. Three hours now.')).toBe('urgent')
    expect(await level('A senior carer gives residents sleeping tablets that are not prescribed so the night is quiet. One man would not come round until lunch.')).toBe('urgent')
  })

  it('pages when someone gets worse after being told they were fine, or when the advice line only gave advice', async () => {
    expect(await level('the police nurse told him hes fine after he banged his head in the cell, now he keeps being sick and cant remember his own name')).toBe('urgent')
    expect(await level('Rang 111 for my dad, he is bleeding heavily from his bowel. They said see the GP on Monday. He is getting paler by the minute.')).toBe('urgent')
  })

  it('pages for abuse long ago when the abuser now works with children', async () => {
    expect(await level('A swimming coach abused me when I was 12, twenty years ago. I have just found out he is now volunteering at a children\'s respite centre.')).toBe('urgent')
  })
})

describe('danger on a maternity ward or from a missed time-critical medicine', () => {
  it('pages for waters breaking early, people fainting, a ward anyone can walk into, and a missed Parkinson\'s medicine that now stops someone swallowing', async () => {
    expect(await level('My sister\'s waters broke at 27 weeks, she is at home alone with contractions and the maternity line is not answering')).toBe('urgent')
    expect(await level('The fridge in the milk kitchen smells of gas and two mums came over faint this morning. Staff are still using it.')).toBe('urgent')
    expect(await level('The door to the baby unit has been propped open all week. Anyone can walk in off the street and the babies are on their own.')).toBe('urgent')
    expect(await level('My brother has not been given his Parkinson\'s tablets for four days since his transfer and he is now rigid and unable to swallow.')).toBe('urgent')
  })

  it('does not page for an early birth or a hard start that ended well', async () => {
    expect(await level('When my waters went at 32 weeks the unit was brilliant. She is home and feeding well now.')).not.toBe('urgent')
    expect(await level('Mum hit out at the nurses for her first week on the ward, it was the delirium, not her. Six weeks on she thanks them every morning.')).not.toBe('urgent')
  })
})

describe('an emergency told afterwards', () => {
  it('does not page for an emergency the ambulance reached, however late, and still pages one still waiting', async () => {
    expect(await level('My husband was having a stroke and the ambulance took two hours to arrive.')).not.toBe('urgent')
    expect(await level('My husband is having a stroke, we have waited two hours and the ambulance has still not come.')).toBe('urgent')
    expect(await level('Grandad broke his hip and had to wait over five hours in agony for an ambulance.')).not.toBe('urgent')
    expect(await level('Grandad has broken his hip, we have waited five hours for an ambulance and he is in agony on the floor.')).toBe('urgent')
  })
})

describe('a habit told in praise', () => {
  it('is not harm that persists: the rules keep a lost ring high when the carers are lovely every time, and raise it when things go missing every week', () => {
    expect(assessSafety("Mum's gold rings went missing from her room at the home. The hairdresser who visits is lovely every time.").level).toBe('high')
    expect(assessSafety("Mum's gold rings went missing from her room at the home. Things go missing every week.").level).toBe('urgent')
  })
})

describe('a fire or gas leak', () => {
  it('pages with the right category however much praise is around it, and not once the engineer has fixed it', async () => {
    const praised = await classifier.classifyFeedback('Lovely staff and great food, thank you all. There is a gas leak in the kitchen right now and nobody has moved the residents.')
    expect(praised.risk.level).toBe('urgent')
    expect(praised.risk.categories).toContain('unsafe-care')
    expect(praised.risk.categories).not.toContain('physical')
    expect(await level('Gas leak at the home last month. The engineer came out and fixed it the same day and everyone was fine.')).not.toBe('urgent')
  })
})

describe('accidents, conditions, procedures and sayings that borrow the words of danger', () => {
  it('does not read an accident as self-harm', async () => {
    expect(await level('Nan tripped on the rug and hurt herself, the carers rang the GP and us within the hour')).not.toBe('urgent')
    expect(await level('I burnt myself on the hob at the day centre cookery class and they ran it under the tap')).not.toBe('urgent')
    expect(await level('My lad cut himself on a broken glass at the respite unit and they cleaned it and called me')).not.toBe('urgent')
  })

  it('still pages someone hurting, cutting or burning themselves', async () => {
    expect(await level('my sister is cutting herself again and the ward just hands her plasters')).toBe('urgent')
    expect(await level('he has been burning himself with his lighter since the staff stopped checking on him')).toBe('urgent')
    expect(await level('she keeps hurting herself at night and nobody on the unit notices')).toBe('urgent')
  })

  it('does not page for what to do if someone were in danger, or for a saying', async () => {
    expect(await level('The care plan says staff should phone the crisis team if he is ever in danger, but the number on it is wrong.')).not.toBe('urgent')
    expect(await level('How should support workers respond when a tenant collapses and stops breathing? We are writing our policy.')).not.toBe('urgent')
    expect(await level('The consultant told my mum she was killing herself with worry about my dad, which upset her.')).not.toBe('urgent')
    expect(await level('The carer told Dad she would murder him for hiding the remote again. It was meant as a joke and he laughed.')).not.toBe('urgent')
  })

  it('still pages the danger itself, however it is asked', async () => {
    expect(await level('what do i do if hes not breathing, the carer has gone and he wont wake up')).toBe('urgent')
    expect(await level('They told me to ring if she is in danger. She is in danger now, he is shouting that he will hurt her.')).toBe('urgent')
    expect(await level('The carer said she would murder him and he is terrified of her, it was not a joke')).toBe('urgent')
    expect(await level('The carer threatened to kill Mum and then said it was a joke. Mum will not eat now.')).toBe('urgent')
  })
})

describe('suicide as a subject of study, policy or a past now behind someone', () => {
  it('does not page for coursework, research or a policy question about suicide', async () => {
    expect(await level('I am a paramedic student writing an assignment on how ambulance crews assess suicide risk. Is there published guidance?')).not.toBe('urgent')
    expect(await level('quick one from a care home manager, whats the procedure when a resident tells staff they want to die?')).not.toBe('urgent')
    expect(await level('Do pharmacies have to refer anyone who mentions suicide to a GP the same day?')).not.toBe('urgent')
    expect(await level('Our college wants to book suicide intervention training for the pastoral team. Who runs it?')).not.toBe('urgent')
    expect(await level('If I text you about a neighbour I think is suicidal, would you send the police round? Only asking.')).not.toBe('urgent')
    expect(await level("The manager ends every huddle with 'if anyone is feeling like ending it all, ring the helpline'. Bit awkward.")).not.toBe('urgent')
    expect(await level('My brother died by suicide in March. The crisis team were kind but the discharge letter went to the wrong address.')).not.toBe('urgent')
  })

  it('does not page for a crisis long past that the person has come through', async () => {
    expect(await level('self harmed as a teenager, now I run a peer support group. thank you to the school nurse back then')).not.toBe('urgent')
    expect(await level('I was suicidal one year ago and I am in a much better place now, thank you to the crisis team')).not.toBe('urgent')
  })

  it('still pages when the crisis is here now', async () => {
    expect(await level('was suicidal last yr and its back, i have the tablets here and nobody at the crisis line picks up')).toBe('urgent')
    expect(await level('what is the policy if a resident says they want to die? my nan has said it every night this week and staff just laugh')).toBe('urgent')
    expect(await level('if i ring you about my son will he find out? he says hes going to kill himself tonight')).toBe('urgent')
  })
})

describe('harm already in hand, in other words', () => {
  it('sends an assault that is being investigated, with the person shaken but all right, to an inspector without a page', async () => {
    expect(await level('A carer slapped my uncle at Birchwood on Saturday. The carer is off pending investigation and my uncle is shaken but okay.')).toBe('high')
    expect(await level('Another patient punched my son on the ward on Friday. Police came and took statements, he is shaken but fine and eating.')).toBe('high')
    expect(await level("A support worker took forty pounds from my brother's purse last week. Police have been already and she is no longer working there. My brother is safe.")).not.toBe('urgent')
    expect(await level("Wrong insulin dose given to dad on Monday, he went low, nurses treated it quickly. He's well now and the home has done a review.")).not.toBe('urgent')
    expect(await level("A night carer took fifty pounds from my aunt's handbag, it was on the camera. Police have come already and that carer is not working there now. My aunt is safe but upset.")).not.toBe('urgent')
    expect(await level('Insulin given twice to my grandad on Sunday, he had a hypo and the nurses gave him glucose and rang 111. He is well now. The home has done a review and retrained the nurse, it scared me though.')).not.toBe('urgent')
  })

  it('still pages when the person is being hurt now', async () => {
    expect(await level('A carer slapped my uncle again this morning, she is still on shift and he is shaking and crying.')).toBe('urgent')
  })
})

describe('the in-hand model: serious matters over or in hand, in words no cue list holds', () => {
  const respite = 'My son came home from respite with a bruise on his cheek. The centre sent us the incident form the same day'
  const reasonOf = async (text: string): Promise<string> => (await classifier.classifyFeedback(text)).risk.reason

  it('holds an injury that was explained and dealt with at high, quoting the sentence that says so', async () => {
    const text = `${respite}, another young person had lashed out, and they've changed the seating plan so they are apart.`
    expect(await level(text)).toBe('high')
    expect(await reasonOf(text)).toMatch(/^Rule physical\.\S+ .*High rather than urgent because the in-hand model reads the message as over or in hand, most of all "The centre sent us the incident form/)
  })

  it('never holds back risk to life, sexual abuse, or harm that goes on, though it reads them as in hand too', async () => {
    expect(await level('My daughter came home from respite and told us a worker touched her private parts. The centre sent us the incident form the same day and the worker has been suspended.')).toBe('urgent')
    expect(await level(`My son came home from respite and said he wanted to kill himself. The centre sent us the incident form the same day and they've changed his care plan.`)).toBe('urgent')
    expect(await level(`${respite}, another young person lashes out at him every week and they've changed the seating plan.`)).toBe('urgent')
  })

  it('reads a cover-up as harm not acted on, which nothing can hold back', () => {
    const ongoing = (text: string) => assessUrgencyContext(text).ongoingBy.map(({ cue }) => cue.id)
    expect(ongoing('The manager rewrote the incident report to say she bumped into a door.')).toContain('not-acted-on')
    expect(ongoing('Staff covered it up and we were told not to report it to anyone.')).toContain('not-acted-on')
    expect(ongoing('I put it on Datix and the report was deleted the next day.')).toContain('not-acted-on')
    expect(ongoing('She said she would sack anyone who told the family.')).toContain('not-acted-on')
    expect(ongoing('The manager wrote up an incident report and the GP saw her.')).not.toContain('not-acted-on')
  })
})


describe('lookalikes read in set 47 (tricky calm, dev)', () => {
  it('does not page an explanation, a visitor\'s figure of speech or a crisis the writer says is over', async () => {
    expect(await level('Took my son to the sensory room and he told me staff locked him in, turns out he\'d been given the key to lock the cupboard himself. Staff are great.')).not.toBe('urgent')
    expect(await level('Visiting hours at the hospice are lovely but the canteen closes at 3 and we\'re literally starving to death by the evening.')).not.toBe('urgent')
    expect(await level('I self harmed a lot at uni. Not now, I\'m doing ok. Just want to thank the student wellbeing nurse.')).toBe('high')
  })

  it('still pages the same words when they are not explained, not a figure of speech, or not over', async () => {
    expect(await level('Took my son to the sensory room and he told me staff locked him in for an hour as a punishment. He is still crying.')).toBe('urgent')
    expect(await level('My dad on ward 4 is starving to death, he has not been fed for three days and nobody helps him eat.')).toBe('urgent')
    expect(await level('I self harmed a lot at uni and I have started again this week. I cut myself last night.')).toBe('urgent')
  })

  it('ends a negation at a new clause that starts with a contracted subject', () => {
    expect(assessUrgencyContext('He had no bruising and hes fine now.').settled).toBe(true)
    expect(assessUrgencyContext('He had no bruising and no one says hes fine.').settled).toBe(false)
  })
})

describe('lookalikes read in set 48 (tricky calm about anger and threats, dev)', () => {
  it('does not page the writer\'s own anger, a fear that came to nothing, or harm denied outright', async () => {
    expect(await level('The receptionist was so rude about my mum\'s hearing aid that I wanted to throttle her. Please sort out their manners.')).not.toBe('urgent')
    expect(await level('The new physio was brilliant, I was sure she was going to kill me but I didnt feel a thing.')).not.toBe('urgent')
    expect(await level('Cars block our drive every shift change at the home. I nearly had a punch-up with a driver yesterday.')).not.toBe('urgent')
    expect(assessUrgencyContext('Nobody has ever raised a hand to my dad there. No marks, no bruises, nothing.').settledBy.map(({ cue }) => cue.id)).toContain('no-one-at-risk')
  })

  it('still pages a threat or violence aimed at someone, and harm that is not denied', async () => {
    expect(await level('A carer said she wanted to throttle my mum and then pushed her into the chair. Mum is terrified.')).toBe('urgent')
    expect(await level('I was sure he was going to kill me, he had his hands round my throat and I couldnt breathe.')).toBe('urgent')
    expect(assessUrgencyContext('Someone has raised a hand to my dad there, he has marks and bruises.').settledBy.map(({ cue }) => cue.id)).not.toContain('no-one-at-risk')
  })
})

describe('lookalikes read in set 50 (calm messages that only look like a risk to life, dev)', () => {
  it('does not page a figure of speech, a crisis years back, a screening question, a denial or a will made with a hospice', async () => {
    expect(await level('Killing myself trying to find a parking space at the hospital every visit, please add more spaces.')).not.toBe('urgent')
    expect(await level('My brother was in the mental health unit 3 years back after trying to end his life. He is very well now and works as a gardener.')).not.toBe('urgent')
    expect(await level('The crisis worker kept asking if I had plans to end my life, when I only rang about my prescription.')).not.toBe('urgent')
    expect(await level('Took my daughter to A&E after a fall at school. Nothing to do with self harm, but the nurse kept asking about it.')).not.toBe('urgent')
    expect(await level('Mum has made her will and planned her funeral with the nurse at the hospice. She feels calm now.')).not.toBe('urgent')
  })

  it('reads a plain denial of harm or of a crisis as no one at risk now', () => {
    const settledBy = (text: string) => assessUrgencyContext(text).settledBy.map(({ cue }) => cue.id)
    expect(settledBy('He is settled and not a risk to himself or anyone, but his leave keeps being cancelled.')).toContain('no-one-at-risk')
    expect(settledBy('She means her own house, she is not suicidal.')).toContain('no-one-at-risk')
    expect(settledBy('His tablets were missed at lunch. He has not come to harm.')).toContain('no-one-at-risk')
    expect(settledBy('Staff say he is not a risk to himself, but he has a rope in his room.')).not.toContain('no-one-at-risk')
  })

  it('still pages the same words said of a crisis now', async () => {
    expect(await level('I keep thinking about killing myself, I have the tablets here.')).toBe('urgent')
    expect(await level('My brother tried to end his life 3 years back and last night he cut himself again.')).toBe('urgent')
    expect(await level('I have plans to end my life tonight and I have made my will.')).toBe('urgent')
  })
})

describe('lookalikes read in set 51 (tricky calm from care homes, hospitals and crisis services, dev)', () => {
  it('does not page an accident of speech, a course about risk, a joke said to be one, or a crisis years back', async () => {
    expect(await level('The car park at the surgery is dreadful, I almost killed myself tripping over a kerb with my walking frame.')).not.toBe('urgent')
    expect(await level('We had our ligature awareness session on Tuesday. Does the policy need signing by every nurse?')).not.toBe('urgent')
    expect(await level('Our physio says he will kill me if I skip my exercises again. He is only joking, he is lovely.')).not.toBe('urgent')
    expect(await level('The crisis team saw me back in 2019 when I wanted to end it all. Life is so much better now.')).not.toBe('urgent')
    expect(await level('The cafe closes at 5 and relatives are starving by the time visiting ends, please keep it open.')).not.toBe('urgent')
    expect(await level('Dad\'s glasses have been missing for a week, the home says it is looking for them.')).not.toBe('urgent')
  })

  it('reads a postponement as no harm, and denials and a return home as no one at risk now', () => {
    const settledBy = (text: string) => assessUrgencyContext(text).settledBy.map(({ cue }) => cue.id)
    expect(assessUrgencyContext('The fire drill keeps getting pushed back.').harmShown).toBeUndefined()
    expect(assessUrgencyContext('I could not wake up in time because the new tablets make me drowsy.').harmShown).toBeUndefined()
    expect(assessUrgencyContext('Mum is so drowsy since the new tablets and she cannot wake properly.').harmShown).toBeDefined()
    expect(settledBy('The lift was broken for a day. Nobody was dropped or hurt.')).toContain('no-one-at-risk')
    expect(settledBy('She was upset on the ward. Shes home now and her skin is fine.')).toContain('well-now')
  })

  it('still pages the same words when they tell of harm now', async () => {
    expect(await level('I nearly killed myself last night, I took all my tablets.')).toBe('urgent')
    expect(await level('The nurse says he will kill me if I tell anyone and I am scared.')).toBe('urgent')
    expect(await level('My mum has been missing from the care home for two hours and nobody is looking.')).toBe('urgent')
    expect(await level('I wanted to end it all back in 2019 and I want to again now, I have the tablets.')).toBe('urgent')
    expect(assessUrgencyContext('A carer pushed him back into the chair and he is crying.').harmShown).toBeDefined()
  })
})

describe('a safety phrase the concern model reads below urgent, with no one shown harmed now', () => {
  const reasonOf = async (text: string): Promise<string> => (await classifier.classifyFeedback(text)).risk.reason

  it('sends it to an inspector within a day without paging, and says why', async () => {
    const laughing = "Staff at the day centre chat over the top of the service users in their own language and laugh, and my dad is convinced they're laughing at him. I don't think anyone's being cruel but it's upsetting him and now he doesn't want to go."
    expect(await level(laughing)).toBe('high')
    expect(await reasonOf(laughing)).toMatch(/^Rule psychological\.\S+ .*High rather than urgent because the concern model reads the whole message as (?:calm|serious but not urgent), and no sentence shows someone harmed or in danger now\./)
    expect(await level("My brother's left in his wheelchair all day without being repositioned. He says his back aches.")).toBe('high')
    expect(await level("Ward took my husband's phone off him for 5 days and nothing was written down to say why")).toBe('high')
  })

  it('still pages when a sentence shows harm now or says it goes on, though the model reads the message below urgent', async () => {
    expect(await level('The carer visits every day and leaves him in a soaking pad')).toBe('urgent')
    expect(await level('My dad on ward 4 is starving to death, he has not been fed for three days and nobody helps him eat.')).toBe('urgent')
    expect(await level("A swimming coach abused me when I was 12, twenty years ago. I have just found out he is now volunteering at a children's respite centre.")).toBe('urgent')
  })
})
