#!/usr/bin/env python3
"""Writes src/Klimrek/Features/Accounts/Passwords/common-passwords.txt: the passwords Klimrek refuses as too common.

Composed from the patterns people actually use (a word or name, maybe capitalised, doubled or with a year, a short
number or an exclamation mark after it; keyboard walks; number runs), over Dutch and English words and names. The
checker (CommonPasswords.cs) lower-cases, drops spaces and separators, strips digits and punctuation from both ends and
undoes common letter-for-digit swaps before it looks a password up, so each base word also stands for its variants.
Run: python3 tools/common-passwords.py
"""
import os

DUTCH = """wachtwoord wachtwoorden welkom welkomthuis geheim geheimpje geheimwachtwoord hallo hallo123 hoi doei voetbal ajax
feyenoord psv azalkmaar fctwente vitesse utrecht amsterdam rotterdam denhaag eindhoven groningen nijmegen tilburg almere
breda leiden haarlem arnhem zwolle maastricht delft friesland limburg brabant zeeland drenthe nederland holland oranje
koningsdag liefde liefje lieverd schatje schat schatjes prinses prinsesje engel engeltje snoepje konijn konijntje poes
poesje hond hondje kat katje paard paardje vogel bloem bloemetje zonnetje zon maan sterretje lekker lekkerding mooi
mama papa oma opa zus broer familie gezin kinderen vakantie zomer winter lente herfst sinterklaas kerstmis kerst
pasen maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus
september oktober november december eenhoorn kabouter tulp tulpen molen fiets fietsen kaas stroopwafel drop hagelslag
appel banaan aardbei chocolade koffie thee bier wijn feest gezellig gezelligheid vriendschap vriend vriendin vrienden
school werk kantoor computer laptop internet inloggen aanmelden gebruiker gebruikersnaam beheer beheerder welkom01
wachtwoord1 geheim123 ikhouvanjou ikhouvanje houvanjou ikbenhet ikbengek jijbent hallodaar goedemorgen goedemiddag
tijdelijk nieuwwachtwoord nieuw veranderen wijzigen vergeten hetwachtwoord mijnwachtwoord mijngeheim klimrek
samenleren deelnemer begeleider stuurgroep curator organisatie gemeente zorg zorggroep ziekenhuis school onderwijs
student leerling docent juf meester""".split()

ENGLISH = """password passw0rd password1 passwords welcome welcome1 secret secret1 letmein letmein1 qwerty qwerty123 dragon
monkey football baseball basketball soccer hockey master shadow sunshine princess iloveyou iloveu trustno1 superman
batman spiderman starwars pokemon minecraft fortnite michael jennifer jessica ashley amanda charlie freedom whatever
computer internet login admin administrator root test tester testing default changeme change guest user hello
hello123 hellokitty flower flowers summer winter spring autumn love lover loveme lovely sweet sweetie honey angel
angels baby babygirl blessed family friends friend forever beautiful butterfly chocolate cookie pepper ginger tiger
lion eagle falcon phoenix killer hunter ranger rocket thunder lightning matrix mustang ferrari porsche mercedes
harley yankees cowboys lakers liverpool chelsea arsenal barcelona madrid juventus united manchester london paris
berlin america canada england ireland scotland australia diamond silver golden money dollar bitcoin ninja samurai
wizard merlin gandalf hobbit matrix access accessgranted security secure private office business company
qwertyuiop asdfghjkl zxcvbnm correcthorsebatterystaple abcdefghijkl abcdefg abc123 abcd1234 iloveyou2 nothing
nopassword mypassword thepassword yourpassword onlyme trustme believe heaven jesus christ god godisgood""".split()

NAMES = """jan piet kees henk klaas gerrit willem wim johan hans peter paul mark martin michiel thomas daan sem lucas
levi finn luuk milan bram thijs jesse ruben lars tim tom bas niels stefan jeroen sander dennis kevin rick erik
anna emma sophie julia lisa eva sara fleur lotte noor tess zoe mila nina iris anouk sanne laura linda marieke
ingrid petra monique wendy kim esther annemieke joyce ilse femke demi naomi manon maria john david james robert
william richard joseph daniel matthew andrew joshua jessica sarah emily hannah olivia sophia isabella mia charlotte
amelia grace chloe lucy ella""".split()

SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "01", "007", "69", "99", "00", "11", "!", "1!", "123!", "!!",
            "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "#1", "@123"]
WALKS = """qwertyuiop qwertyuiop123 qwertyuiopasdf asdfghjkl asdfghjkl123 asdfghjkl; zxcvbnm zxcvbnm123 qazwsxedc qazwsxedcrfv
1qaz2wsx 1qaz2wsx3edc 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e4r5t6y7u q1w2e3r4t5y6 zaq12wsx zaq1zaq1 !qaz2wsx
qweasdzxc qweasd qwerty12345 azertyuiop azerty123 qwertzuiop 123qwe 123qweasd 123qweasdzxc 1234qwer 1234qwerasdf
abcdefghijklm abcdefghijklmnop zyxwvutsrqpo 123456789012 1234567890 12345678901 1234567890123 098765432109 0987654321
111111111111 000000000000 123123123123 121212121212 123412341234 112233445566 111222333444 147258369 147258369123
159753159753 789456123789 963852741 987654321098 24681012141618 135791113151 102030405060 9876543210""".split()


def main():
    words = set()
    for w in DUTCH + ENGLISH + NAMES:
        w = w.lower()
        for s in SUFFIXES:
            words.add(w + s)
        words.add(w + w)
    for w in DUTCH[:60] + ENGLISH[:60]:
        words.add("mijn" + w)
        words.add("my" + w)
    words.update(w.lower() for w in WALKS)
    root = os.path.join(os.path.dirname(__file__), "..", "src", "Klimrek", "Features", "Accounts", "Passwords")
    with open(os.path.join(root, "common-passwords.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Common passwords Klimrek refuses (lower case; written by tools/common-passwords.py).\n")
        for w in sorted(words):
            f.write(w + "\n")


if __name__ == "__main__":
    main()
