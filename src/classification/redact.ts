/**
 * Removes personal data before text leaves the service (for example to an OpenAI model): names, phone
 * numbers, emails, addresses and postcodes, NHS numbers and dates (including dates of birth).
 * It errs towards removing too much: the classifier does not need any of these.
 *
 * Every pattern runs in linear time on any input (see test/unit/security/linearTime.test.ts, npm run bench:redos):
 * a match may only start where a run of its characters starts (the lookbehinds), and no two neighbouring
 * quantifiers can share characters, so no input makes them backtrack over the same text again and again.
 */

const email = /(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g
const nhsNumber = /\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/g
const phone = /(?:\+\s?44\s?(?:\(0\)\s?)?|\b0)\d(?:[\s-]?\d){8,9}\b/g
const postcode = /\b[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s{0,3}\d[ABD-HJLNP-UW-Z]{2}\b/gi
const streetTypes =
  'Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct|Crescent|Cres|Place|Pl|Gardens|Gdns|Grove|Terrace|Hill|Park|View|Walk|Square|Mews|Row|Green|Rise|Parade|Boulevard|Vale|Wharf|Estate'
const streetAddress = new RegExp(`\\b(?:flat|apartment|unit)?\\s*\\d{1,4}[a-z]?,?\\s+(?:[A-Z][\\w'-]*\\s+){1,3}(?:${streetTypes})\\b\\.?`, 'g')
const flatNumber = /\b(?:flat|apartment)\s+\d+[a-z]?\b/gi
const monthNames = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
const numericDate = /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/g
const writtenDate = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${monthNames})\\.?,?\\s+\\d{4}\\b|\\b(?:${monthNames})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'gi')
const birthCue = /\b(?:date of birth|d\.?o\.?b\.?|born(?: on| in)?)\s{0,3}(?:(?:is|was|:)\s{0,3})?[\w ,./-]{0,24}\d{4}\b/gi

const nameWord = "[A-Z][a-z'’-]+(?:-[A-Z][a-z]+)?"
const titleName = new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Prof|Professor|Nurse|Sister|Matron|Sr|Rev|Lord|Lady|Sir|Dame)\\.?\\s+(?:${nameWord}\\s+){0,2}${nameWord}`, 'g')
const anyCase = (phrase: string): string => phrase.replace(/[a-z]/g, letter => `[${letter}${letter.toUpperCase()}]`)
const nameCues = ['my name is', 'my names', "my name's", 'i am called', "i'm called", 'im called', 'name is', 'called', 'named', 'known as', 'this is', 'signed', 'regards', 'thanks', 'thank you']
const cuedName = new RegExp(`\\b(?:${nameCues.map(anyCase).join('|')}),?\\s+((?:${nameWord}\\s+){0,2}${nameWord})`, 'g')
const relativeName = new RegExp(
  `\\b((?:my|his|her|our|their)\\s+(?:mum|mam|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandad|grandpa|husband|wife|partner|son|daughter|brother|sister|aunt|uncle|friend|carer|nurse|doctor|social worker|key worker|support worker))[,]?\\s+(${nameWord}(?:\\s+${nameWord})?)`,
  'g',
)

/** Common first names that are not also ordinary words, caught wherever they appear capitalised. */
const commonFirstNames = [
  'Aaron', 'Abigail', 'Adam', 'Aisha', 'Alan', 'Albert', 'Alex', 'Alice', 'Alison', 'Amanda', 'Amelia', 'Amy', 'Andrew', 'Angela',
  'Ann', 'Anna', 'Anne', 'Anthony', 'Arthur', 'Barbara', 'Barry', 'Beryl', 'Betty', 'Brian', 'Carol', 'Caroline', 'Catherine',
  'Charles', 'Charlotte', 'Chloe', 'Chris', 'Christine', 'Claire', 'Colin', 'Craig', 'Daniel', 'Darren', 'David', 'Dave', 'Deborah',
  'Debbie', 'Dennis', 'Derek', 'Diane', 'Donald', 'Doreen', 'Doris', 'Dorothy', 'Edith', 'Edward', 'Eileen', 'Elaine', 'Eleanor',
  'Elizabeth', 'Ella', 'Ellie', 'Emily', 'Emma', 'Eric', 'Ethel', 'Fatima', 'Gary', 'Geoffrey', 'George', 'Gillian', 'Gladys',
  'Gordon', 'Graham', 'Hannah', 'Harry', 'Heather', 'Helen', 'Ian', 'Irene', 'Isabella', 'Jack', 'Jacqueline', 'James', 'Jane',
  'Janet', 'Jason', 'Jean', 'Jennifer', 'Jessica', 'Joan', 'John', 'Jonathan', 'Joseph', 'Joyce', 'Julie', 'Karen', 'Kate',
  'Katie', 'Kathleen', 'Keith', 'Kenneth', 'Kevin', 'Laura', 'Lauren', 'Leanne', 'Lee', 'Leslie', 'Linda', 'Lisa', 'Liam',
  'Lucy', 'Lynn', 'Margaret', 'Maria', 'Marie', 'Martin', 'Mary', 'Maureen', 'Michael', 'Michelle', 'Mohammed', 'Muhammad',
  'Nicola', 'Nigel', 'Noah', 'Norman', 'Oliver', 'Olivia', 'Pamela', 'Patricia', 'Paul', 'Pauline', 'Peter', 'Philip', 'Rachel',
  'Raymond', 'Rebecca', 'Richard', 'Robert', 'Roger', 'Ronald', 'Ryan', 'Samantha', 'Sandra', 'Sarah', 'Sharon', 'Shirley',
  'Simon', 'Sophie', 'Stephen', 'Steven', 'Stuart', 'Susan', 'Thomas', 'Tracey', 'Tracy', 'Valerie', 'Vera', 'Victoria',
  'Wendy', 'William', 'Zoe',
]
const firstName = new RegExp(`\\b(?:${commonFirstNames.join('|')})(?:\\s+${nameWord})?\\b`, 'g')

export function redactPersonalData(text: string): string {
  return text
    .replace(email, '[email]')
    .replace(birthCue, '[date of birth]')
    .replace(writtenDate, '[date]')
    .replace(numericDate, '[date]')
    .replace(nhsNumber, '[NHS number]')
    .replace(phone, '[phone]')
    .replace(streetAddress, ' [address]')
    .replace(flatNumber, '[address]')
    .replace(postcode, '[postcode]')
    .replace(titleName, '[name]')
    .replace(relativeName, '$1 [name]')
    .replace(cuedName, (whole: string, name: string) => whole.slice(0, whole.length - name.length) + '[name]')
    .replace(firstName, '[name]')
}
