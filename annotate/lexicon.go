package annotate

import (
	"strings"
	"sync"
)

// The word lists below are general knowledge written for newsmark, not taken
// from any article: corporate designators, honorifics and titles, reporting
// verbs, places, first names and well-known companies. They are parsed once
// on first use into one table (wordtable.go), so the hot path only does
// look-ups on substrings of the body.

// legalSuffixes end a company name and are part of it ("Corp.", "GmbH").
// A trailing period after the abbreviations belongs to the name.
const legalSuffixList = `Corp Corporation Inc Incorporated Co Company Companies Cos Ltd Limited LLC LLP LP L.P. PLC Plc plc AG SA S.A. NV N.V. BV B.V. SE SpA S.p.A. SAS
KK K.K. GmbH AB ASA Oyj Pte Pty Bhd Tbk PJSC OAO OJSC JSC PT SARL Srl SRL ApS A/S KGaA Sdn Kft Zrt Nyrt Oy AS
SpA S.A.S. SAB PCL Tbk ehf hf SGPS BSC QSC QPSC SAOG KSC PSC ULC LLLP Pvt
PLLC LDA Lda SL SLU SpA SRL SCA SCS CV C.V. N.V. S.A.B. AS ASA OÜ UAB AD DOO Kft. GK YK`

// designators end a company name when the name has another word before them
// ("Tokyo Gas", "Hyundai Motor Group"); alone they are ordinary words.
const designatorList = `Group Holdings Holding Bank Banking Bancorp Capital Partners Fund Funds Investments Investment Management Securities
Insurance Assurance Financial Finance Trust Ventures Venture Equity Advisors Advisers Associates Motors Motor Automotive Electronics Electric
Energy Gas Oil Petroleum Petrochemical Petrochemicals Chemical Chemicals Chem Pharmaceuticals Pharmaceutical Pharma Therapeutics Biotech
Biosciences Industries Industrial Technologies Technology Tech Systems Solutions Software Semiconductor Semiconductors Microsystems Networks
Communications Telecom Telecommunications Mobile Airlines Airways Aviation Aerospace Resources Mining Minerals Metals Steel Power Utilities
Logistics Shipping Brands Foods Beverages Breweries Entertainment Media Studios Pictures Labs Laboratories Robotics Dynamics Enterprises
Exchange Refinery Refining Grocers Stores Retail Markets Consulting Services Platforms Ventures Airline Mart Instruments Devices Materials
Construction Engineering Healthcare Health Hotels Resorts Properties Realty Estates Motorcorp Wireless Interactive Digital Games Apparel
International Trustees Dialog Airlines Motorworks Petroleum Conglomerate Consortium`

// nonCompanyEnds end names of public bodies, places or events: such a name is
// never a company, whatever its other words.
const nonCompanyEndList = `Commission Ministry Authority Agency Council Department Court Government Parliament Congress Senate Union University
College School Party Committee Bureau Office Administration Force Forces Army Navy Police Zone Province State States Republic Kingdom
Prefecture County City Street Square Airport Station Port Summit Forum Conference Olympics Cup Award Prize Day Week Act Treaty Accord
Program Programme Project Initiative Institute Foundation Association Federation Society Church Hospital Museum Organization Organisation
Reserve Treasury Cabinet Assembly Tribunal Regulator Secretary Minister Ministers`

// nonCompanies are institutions named like companies that are not businesses
// (central banks, multilateral lenders).
const nonCompanyList = `World Bank|International Monetary Fund|IMF|Bank of Japan|Bank of England|Bank of Canada|Bank of Korea|Reserve Bank of India|
European Central Bank|ECB|Federal Reserve|Fed|People's Bank of China|Asian Development Bank|European Investment Bank|Swiss National Bank|
Reserve Bank of Australia|Bundesbank|Banque de France|Bank of Italy|Bank of Spain|New Development Bank|African Development Bank|
Inter-American Development Bank|Asian Infrastructure Investment Bank|European Bank for Reconstruction and Development|Saudi Central Bank|
Central Bank|State Bank of Pakistan|Bank for International Settlements|Hong Kong Monetary Authority|Monetary Authority of Singapore`

// knownCompanies are well-known companies; "|" separates entries and "="
// lists a short name used for the same company.
const knownCompanyList = `Apple|Microsoft|Alphabet|Google|Amazon|Meta|Meta Platforms|Facebook|Instagram|WhatsApp|Netflix|Nvidia|Intel|AMD|Advanced Micro Devices=AMD|
Qualcomm|Broadcom|Texas Instruments|Micron|Micron Technology|IBM|International Business Machines=IBM|Oracle|Salesforce|Adobe|SAP|Cisco|Cisco Systems|
Dell|Dell Technologies|HP|Hewlett-Packard|Hewlett Packard Enterprise|Lenovo|Xiaomi|Huawei|ZTE|Tencent|Alibaba|Baidu|ByteDance|TikTok|JD.com|Pinduoduo|
Meituan|NetEase|Sony|Panasonic|Toshiba|Hitachi|Fujitsu|NEC|Sharp|Canon|Nikon|Ricoh|Kyocera|Murata|Nintendo|SoftBank|Rakuten|NTT|KDDI|
Samsung|Samsung Electronics|LG|LG Electronics|LG Chem|LG Energy Solution|SK Hynix|SK Group|SK Telecom|Hyundai|
Hyundai Motor|Kia|Posco|Lotte|Hanwha|Naver|Kakao|TSMC|Taiwan Semiconductor Manufacturing=TSMC|Foxconn|Hon Hai|Hon Hai Precision Industry|MediaTek|
ASML|Infineon|STMicroelectronics|NXP|NXP Semiconductors|Arm|Arm Holdings|OpenAI|Anthropic|xAI|DeepMind|Uber|Lyft|Airbnb|Spotify|
Twitter|X Corp|Snap|Pinterest|PayPal|Visa|Mastercard|American Express|Stripe|Shopify|eBay|Zoom|Palantir|Snowflake|Tesla|SpaceX|
Toyota|Toyota Motor|Honda|Nissan|Mazda|Subaru|Suzuki|Mitsubishi Motors|Volkswagen|VW|BMW|Daimler|Mercedes-Benz|Porsche|Audi|Renault|Peugeot|
Stellantis|Fiat|Fiat Chrysler|Chrysler|Ferrari|Volvo|Geely|BYD|Great Wall Motor|SAIC|SAIC Motor|Tata Motors|Mahindra|Maruti Suzuki|Ford|
Ford Motor|General Motors=GM|GM|Rivian|Lucid|NIO|Jaguar Land Rover|Bosch|Denso|Michelin|Bridgestone|Goodyear|CATL|
Panasonic Energy|Boeing|Airbus|Lockheed Martin|Raytheon|RTX|Northrop Grumman|General Dynamics|BAE Systems|Rolls-Royce|Safran|Thales|
Dassault|Dassault Aviation|Saab|Leonardo|Embraer|Bombardier|Siemens|General Electric=GE|GE|Honeywell|3M|ABB|Schneider Electric|Caterpillar|
Deere|John Deere|Komatsu|Mitsubishi Heavy Industries|Mitsubishi|Mitsui|Sumitomo|Itochu|Marubeni|Sojitz|Exxon|ExxonMobil|Exxon Mobil|Chevron|
Shell|Royal Dutch Shell|BP|TotalEnergies|Eni|Equinor|Repsol|ConocoPhillips|Saudi Aramco|Aramco|ADNOC|QatarEnergy|Petrobras|Pemex|
Gazprom|Rosneft|Lukoil|Novatek|Sinopec|PetroChina|CNOOC|China National Petroleum=CNPC|CNPC|ONGC|Reliance|Reliance Industries|Reliance Jio|Jio|
Tata|Tata Group|Tata Sons|Tata Steel|Tata Consultancy Services=TCS|TCS|Infosys|Wipro|HCL Technologies|Adani|Adani Group|
Bharti Airtel|Airtel|Vodafone|Vodafone Group|Vodafone Idea|Deutsche Telekom|T-Mobile|Telefonica|AT&T|Verizon|Comcast|Charter|
BT|BT Group|Telstra|Singtel|China Mobile|China Telecom|China Unicom|Etisalat|e&|STC|Saudi Telecom=STC|Ooredoo|MTN|Swisscom|Telenor|
JPMorgan|JPMorgan Chase|JP Morgan|J.P. Morgan|Goldman Sachs|Morgan Stanley|Citigroup|Citi|Citibank|Bank of America|Wells Fargo|BlackRock|
Blackstone|KKR|Carlyle|TPG|Bain Capital|Warburg Pincus|Sequoia|Sequoia Capital|Andreessen Horowitz|Tiger Global|Berkshire Hathaway|
Fidelity|Vanguard|State Street|Charles Schwab|HSBC|Barclays|Lloyds|NatWest|Standard Chartered|Deutsche Bank|Commerzbank|BNP Paribas|
Societe Generale|Credit Agricole|UBS|Credit Suisse|ING|ABN Amro|Santander|BBVA|UniCredit|Intesa Sanpaolo|Nomura|Daiwa|Mizuho|
MUFG|SMBC|ICBC|Bank of China|China Construction Bank|Agricultural Bank of China|HDFC|HDFC Bank|ICICI|
ICICI Bank|State Bank of India|Axis Bank|Kotak Mahindra|DBS|OCBC|UOB|Macquarie|Commonwealth Bank|ANZ|Westpac|RBC|Royal Bank of Canada|
TD|Scotiabank|Sberbank|VTB|Allianz|AXA|Generali|Prudential|AIA|MetLife|Zurich Insurance|Munich Re|Swiss Re|Ping An|Temasek|GIC|Mubadala|
ADIA|Abu Dhabi Investment Authority=ADIA|Public Investment Fund=PIF|PIF|Qatar Investment Authority=QIA|QIA|Kuwait Investment Authority=KIA|
Norges Bank Investment Management|Khazanah|CPP Investments|CalPERS|Walmart|Wal-Mart|Costco|Kroger|Home Depot|
Tesco|Carrefour|Aldi|Lidl|Ahold Delhaize|Sainsbury|Reliance Retail|Nestle|Unilever|Procter & Gamble|P&G|Coca-Cola|PepsiCo|
Danone|AB InBev|Heineken|Diageo|LVMH|Kering|Hermes|Nike|Adidas|Inditex|H&M|Starbucks|McDonald's|Pfizer|Moderna|Johnson & Johnson|
AstraZeneca|GSK|GlaxoSmithKline|Novartis|Roche|Sanofi|Merck|Bayer|Eli Lilly|Novo Nordisk|AbbVie|Bristol-Myers Squibb|Takeda|
Gilead|Amgen|Biogen|Disney|Walt Disney|Warner Bros|Paramount|Sony Pictures|News Corp|Vivendi|Bertelsmann|
Maersk|FedEx|UPS|DHL|Emirates|Qatar Airways|Lufthansa|Air France-KLM|British Airways|IAG|United Airlines|American Airlines|
Singapore Airlines|Cathay Pacific|Air India|IndiGo|Rio Tinto|BHP|Glencore|Anglo American|Vale|ArcelorMittal|Nippon Steel|
Baosteel|Fortescue|Newmont|Barrick|Holcim|Saint-Gobain|Iberdrola|Enel|EDF|Électricité de France=EDF|Electricite de France=EDF|Engie|RWE|E.ON|Orsted|Vattenfall|NextEra|Duke Energy|
National Grid|Tokyo Electric Power|Kepco|Brookfield|Hitachi Energy|Toshiba Energy|SMIC|UMC|GlobalFoundries|Kioxia|
Western Digital|Seagate|Marvell|Alibaba Cloud|Ant Group|Yahoo|LINE|Kakao Bank|Grab|GoTo|Tokopedia|
Nasdaq|NYSE|New York Stock Exchange|London Stock Exchange=LSE|LSE|Deutsche Boerse|Euronext|Japan Exchange Group|Hong Kong Exchanges|
Singapore Exchange|Bombay Stock Exchange|National Stock Exchange|CME Group|Intercontinental Exchange|Cboe|Moody's|S&P Global|Fitch|
McKinsey|Boston Consulting Group|Bain|Deloitte|PwC|EY|Ernst & Young|KPMG|Accenture|Capgemini|Cognizant|Tata Power|
Bharat Petroleum|Indian Oil|Coal India|Larsen & Toubro|
Mahindra & Mahindra|Bajaj|Hero MotoCorp|Sun Pharma|Dr. Reddy's|Cipla|Zomato|Paytm|Ola|Byju's|Emaar|DP World|Etihad|Masdar|
Sinochem|ChemChina|COSCO|State Grid|China Mobile|Evergrande|Country Garden|Wanda|Haier|Midea|Gree|
BOE|DJI|Anta|Li Auto|XPeng|Zeekr|Volvo Cars|Polestar|Hyundai Mobis|Kia Motors|Samsung SDI|SK On|Doosan|
Hanwha Ocean|HD Hyundai|Mitsubishi Electric|Mitsubishi Chemical|Mitsubishi UFJ Financial Group=MUFG|
Mizuho Financial Group|Nomura Holdings|Japan Tobacco|Seven & i|Fast Retailing|Uniqlo|Shiseido|Kirin|Asahi|Suntory|
Osaka Gas|Chubu Electric|Tokyo Electron|Keyence|Fanuc|Yaskawa|Daikin|
Bridgewater|Citadel|Third Point|Pershing Square|Icahn Enterprises|Softbank Vision Fund|Vision Fund|
Gilead Sciences|Regeneron|Vertex|Illumina|Medtronic|Abbott|Thermo Fisher|Danaher|Siemens Healthineers|Philips|
Ericsson|Nokia|Telecom Italia|KPN|Proximus|Liberty Global|ITV|Pearson|RELX|Experian|WPP|Publicis|
Transneft|Rosatom|Norilsk Nickel|Rusal|Severstal|Aeroflot|MTS|Yandex|
Woodside|Origin Energy|Wesfarmers|Woolworths|Coles|Qantas|Telstra Group|Cargill|Koch Industries|Bechtel|Halliburton|Schlumberger|SLB|Baker Hughes|Occidental|Valero|Phillips 66|Petronas|Pertamina|
Sonatrach|NNPC|Ecopetrol|YPF|Inpex|JERA|Mitsui O.S.K. Lines|Hapag-Lloyd|CMA CGM|Evergreen Marine|Textron|Siemens Energy|Siemens Gamesa|
Vestas|GE Vernova|First Solar|LONGi|Trina Solar|JinkoSolar|Tongwei|Enphase|SolarEdge|SSE|Centrica|EDP|Fortum|Uniper|EnBW|Statkraft|
ACWA Power|TAQA|Emirates NBD|First Abu Dhabi Bank|QNB|Al Rajhi Bank|Saudi National Bank|SABIC|Aldar|G42|China Merchants Bank|CITIC|
China Life|Bank of Communications|Hisense|TCL|Oppo|OnePlus|Chery|Changan|Dongfeng|FAW|GAC|Leapmotor|Temu|Shein|Trip.com|Kuaishou|
Bilibili|SenseTime|iFlytek|Hikvision|Cambricon|Samsung Biologics|Celltrion|Hyundai Steel|Korea Zinc|Coupang|Krafton|Nexon|NCSoft|
Tech Mahindra|Vedanta|Hindalco|JSW Steel|Ola Electric|Swiggy|Nykaa|PhonePe|Razorpay|Asian Paints|Hindustan Unilever|Lazard|Evercore|
Jefferies|Houlihan Lokey|Moelis|Rothschild|Centerview Partners|Silver Lake|Thoma Bravo|Vista Equity Partners|Advent International|
CVC Capital Partners|EQT|Permira|Cinven|Ardian|Hellman & Friedman|General Atlantic|Insight Partners|Accel|Lightspeed Venture Partners|
Index Ventures|Kleiner Perkins|Founders Fund|Y Combinator|Coatue|Thrive Capital|General Catalyst|Greylock|Khosla Ventures|ServiceNow|
Workday|Intuit|Autodesk|VMware|Arista Networks|Fortinet|Palo Alto Networks|CrowdStrike|Cloudflare|Datadog|MongoDB|Databricks|Scale AI|
Cohere|Perplexity|Hugging Face|Stability AI|CoreWeave|Cerebras|Groq|Synopsys|Cadence|Applied Materials|Lam Research|KLA|Advantest|
Shin-Etsu|Wolfspeed|onsemi|Analog Devices|Microchip Technology|Skyworks|Qorvo|Northvolt|Gotion|Albemarle|SQM|Umicore|Johnson Matthey|
BASF|DuPont|LyondellBasell|INEOS|Evonik|Covestro|Linde|Air Liquide|Air Products|Solvay|Syngenta|Corteva|Nutrien|Yara|Bunge|ADM|
Louis Dreyfus|Wilmar|Olam|JBS|Tyson Foods|Kraft Heinz|Mondelez|General Mills|Kellogg|Ferrero|Lactalis|Boehringer Ingelheim|Merck KGaA|
Teva|Viatris|Daiichi Sankyo|Astellas|Chugai|Eisai|Otsuka|Shionogi|CSL|Lonza|WuXi AppTec|WuXi Biologics|BeiGene|BioNTech|CureVac|
Novavax|Alnylam|Genmab|Grifols|Fresenius|GE HealthCare|Stryker|Boston Scientific|Zimmer Biomet|Edwards Lifesciences|Intuitive Surgical|
Olympus|Terumo|UnitedHealth|CVS Health|Cigna|Humana|Elevance Health|Walgreens|Harley-Davidson|Paccar|Traton|Scania|Iveco|Volvo Group|
Daimler Truck|Isuzu|Yamaha|Kawasaki Heavy Industries|Aisin|Magna|ZF|Valeo|Forvia|Aptiv|BorgWarner|Rakuten Mobile|Safaricom|Airtel Africa|
Vodacom|Millicom|America Movil|Telus|Rogers Communications|BCE|Warner Bros. Discovery|NBCUniversal|Universal Music|Live Nation|Ubisoft|
Electronic Arts|Activision Blizzard|Take-Two|Epic Games|Roblox|Mercado Libre|Zalando|Ocado|Marks & Spencer|Japan Post|Resona|PNC|Truist|
Capital One|Synchrony|Raymond James|Ameriprise|T. Rowe Price|Franklin Templeton|Invesco|Amundi|DWS|Schroders|Legal & General|Aviva|
Manulife|Sun Life|Dai-ichi Life|Nippon Life|Tokio Marine|Sompo|Samsung Life|Chubb|AIG|Allstate|Aon|Willis Towers Watson|WTW|
Tokyo Stock Exchange|Shanghai Stock Exchange|Shenzhen Stock Exchange|Saudi Exchange|Tadawul|Borsa Italiana|SIX Group|
China Investment Corporation=CIC|CIC|ADQ|Future Fund|CDPQ|Ontario Teachers' Pension Plan|PSP Investments|OMERS|APG|PGGM|GPIF|
Korea Investment Corporation|Oman Investment Authority|Investment Corporation of Dubai|Dubai Holding|Wafra|Aramco Ventures|
Samsung C&T|Samsung Heavy Industries|LG Display|LG Innotek|SK Innovation|SK Square|Hanwha Aerospace|Hanwha Solutions|POSCO Holdings|
Toyota Tsusho|Denso|Bridgestone|Nidec|Omron|TDK|Kyocera|Fujifilm|Konica Minolta|Seiko Epson|Brother Industries|Daimler AG|Nissan Motor|
Honda Motor|Subaru Corp|Mazda Motor|Suzuki Motor|Mitsubishi Corp|Mitsui & Co|Sumitomo Corp|ENEOS|Idemitsu|Cosmo Energy|
Chubu Electric Power|Tohoku Electric|Kyushu Electric|Hokkaido Electric|NTT Docomo|Docomo|KDDI Corp`

// wires are news outlets, wires and data vendors: never reported as
// companies (SCHEMA.md leaves them out of scoring either way).
const wireList = `Reuters|Bloomberg|Bloomberg News|Associated Press|AP|AFP|Agence France-Presse|Agence France Presse|PTI|Press Trust of India|IANS|
ANI|Xinhua|Kyodo|Kyodo News|Jiji|Jiji Press|Yonhap|Tass|TASS|Interfax|RIA Novosti|Dow Jones|Dow Jones Newswires|CNBC|CNN|BBC|Nikkei|
Financial Times|FT|Wall Street Journal|WSJ|New York Times|Washington Post|The Economist|Forbes|Fortune|Business Insider|TechCrunch|
The Information|Axios|Caixin|South China Morning Post|SCMP|Economic Times|Mint|Livemint|Handelsblatt|Les Echos|Yomiuri|Asahi Shimbun|
Focus Taiwan|Bernama|Antara|Anadolu|Al Jazeera|Sky News|Guardian|The Guardian|The Times|Daily Telegraph|
Dealogic|Refinitiv|LSEG|FactSet|PitchBook|Crunchbase|Morningstar|Bloomberg Intelligence|Bloomberg Television|Bloomberg TV|
Bloomberg L.P.`

// titles before a name make it a person ("Chief Executive Sam Altman").
const titleList = `Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Sheikh Shaikh Prince Princess King Queen Emir Crown Sen Rep Gov
Governor President Vice Premier Prime Minister Chancellor Secretary Chairman Chairwoman Chair Chief Executive Officer CEO CFO COO CTO CIO
Founder Co-founder Cofounder Director Managing Analyst Economist Spokesman Spokeswoman Spokesperson Head Judge Justice Mayor Senator
Representative Ambassador Deputy Commissioner Treasurer Counsel Strategist Minister Executive Officer Senior Principal Professor Dean
Billionaire Tycoon Mogul Entrepreneur Envoy Coach Captain Admiral Colonel Father Rev Crown`

// personCues are lower-case words that, right before a name, say a person
// follows ("analyst Jane Doe", "founder Masayoshi Son").
const personCueList = `chief executive officer ceo cfo coo cto chairman chairwoman chair president founder co-founder cofounder director
analyst economist spokesman spokeswoman spokesperson head minister secretary premier chancellor governor senator mayor
managing partner boss billionaire tycoon investor entrepreneur professor lawyer attorney banker trader strategist
executive officer manager leader owner heir son daughter wife husband brother sister father mother colleague adviser advisor
counsel deputy vice commissioner ambassador envoy researcher scientist engineer designer author journalist reporter editor
correspondent official officials chief`

// companyCues are lower-case words that, right before a name, say a company
// follows ("carmaker Tesla", "rival Lyft", "stake in Quillon").
const companyCueList = `company companies firm firms maker makers carmaker automaker automakers carmakers manufacturer manufacturers
producer producers supplier suppliers retailer retailers grocer grocers chain lender lenders bank banks insurer insurers
conglomerate giant giants startup start-up startups group operator operators provider providers developer developers rival rivals
competitor competitors partner partners subsidiary subsidiaries unit affiliate arm miner miners refiner refiners utility utilities
broker brokerage fund funds investor investors backer backers owner owners buyer bidder seller acquirer brand brands label
airline airlines carrier carriers distributor distributors wholesaler consultancy exchange exchanges platform parent venture ventures
vcs vc chipmaker chipmakers shipbuilder shipbuilders pharmaceutical drugmaker drugmakers telco telecoms telecom outfit business
businesses corporation consortium house bidders contractor contractors publisher publishers advisers advisors underwriters
dealmaker`

// reportVerbs follow or precede a speaker ("X said", "said X").
const reportVerbList = `said says say told tells added adds noted notes explained explains stated states announced announces
commented comments wrote writes argued argues warned warns insisted insists acknowledged acknowledges declared declares
continued continues predicted predicts reckons reckoned believes believed thinks thought claimed claims`

// companyVerbs after a bare unknown word mark it as a company acting.
const companyVerbList = `announced acquired agreed bought invested owns reported posted plans signed unveiled launched shares
merged sold offered bid raised completed operates employs manufactures produces makes says owes reacted insisted denied
confirmed expects expected reported won lost cut hired filed sued appealed rejected accepted controls runs`

// commonCaps are ordinary words that start sentences or headlines; they never
// start a name on their own.
const commonCapList = `The A An And But Or Nor For So Yet If Then Than That This These Those There Here Where When While Who Whom Whose Which What Why How
It Its He She They We You I Me Him Her Them Us Our Your Their His My Mine Ours Yours Theirs Is Are Was Were Be Been Being Has Have Had Do Does Did
Will Would Shall Should Can Could May Might Must Not No Yes All Any Some Each Every Both Either Neither Many Much More Most Few Less Least
On In At By Of To From With Without Within Into Onto Over Under About Above Below After Before Since Until During Through Across Against Among
Between Beyond Despite Like Unlike Per Via Amid Amidst Around Along Also Just Only Even Still However Meanwhile Moreover Furthermore Although
Though Because As Once Now Today Yesterday Tomorrow Last Next First Second Third Other Another Such Same New Old Big Small Top Former Late
Early Recently Currently Earlier Later Instead Indeed Thus Hence Overall Separately Similarly Additionally Finally Again Already Ever Never
Other Others One Two Three Four Five Six Seven Eight Nine Ten Several Most Half Read See Watch Click Photo Video Image Source Sources Update
Updated Editing Reporting Writing Additional Related Advertisement Police Critics Regulators Authorities Lawmakers
Shareholders Unions Experts Economists Residents Traders Insiders Observers Prosecutors Consumers Customers Buyers Sellers Bidders
Journalists Reporters Pilots Doctors Nurses Teachers Farmers Miners Drivers Staff Engineers Scientists Lawyers Bankers Managers
Directors Members Voters Citizens Students Protesters Activists Owners Partners Suppliers Rivals Competitors Lenders Creditors
Nobody Everyone Everybody Someone Somebody Anyone Anybody Nothing Everything Something Anything Citing Asked Adding Noting
Explaining Having Being Whether Whatever Whoever Wherever Whenever Let Please Thanks Thank Sorry Well Oh Yes Okay OK Sign Subscribe Share Comment Comments Chapter Page Section Part
Company Companies Group Firm Bank Fund Deal Deals Shares Stock Stocks Market Markets Investors Analysts Officials Executives Employees
Workers People Government Talks Plans Sales Revenue Profit Profits Prices Price Demand Supply According Under Following Asked Speaking
Combining Including Excluding Given Based Despite Analyst Chairman President Minister Chief Executive Managing Director Founder Officer
Senior Vice Deputy Head Mr Mrs Ms Dr Sir Lord Lady Reuters Bloomberg Why What Where Who Inc Corp Co Ltd Year Years Month Months Week Weeks
Day Days Decades Decade Sunday Monday Tuesday Wednesday Thursday Friday Saturday January February March April June July August September
October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Q1 Q2 Q3 Q4 AI EV EVs CEO CFO COO CTO IPO GDP US UK EU UN LNG LPG CNG ESG API R&D M&A OPEC NATO FTC SEC
FDA WTO G7 G20 NGO ETF CPI PMI VAT GST NFT SUV SUVs IT HR PR TV PC`

// places: countries, major cities and regions. "|" separates entries.
const placeList = `Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|Belarus|Belgium|Bolivia|
Bosnia|Botswana|Brazil|Brunei|Bulgaria|Cambodia|Cameroon|Canada|Chile|China|Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|
Czechia|Denmark|Ecuador|Egypt|Estonia|Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|Guatemala|Hungary|Iceland|India|Indonesia|
Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Libya|
Lithuania|Luxembourg|Malaysia|Malta|Mexico|Moldova|Mongolia|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand|Nigeria|
North Korea|Norway|Oman|Pakistan|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|
Serbia|Singapore|Slovakia|Slovenia|South Africa|South Korea|Korea|Spain|Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|
Tanzania|Thailand|Tunisia|Turkey|Turkiye|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|Britain|Great Britain|England|
Scotland|Wales|Northern Ireland|United States|US|U.S.|USA|America|Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|
Hong Kong|Macau|Europe|Asia|Africa|North America|South America|Latin America|Middle East|Gulf|Asia-Pacific|Southeast Asia|Scandinavia|
Tokyo|Osaka|Kyoto|Yokohama|Nagoya|Seoul|Busan|Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou|Nanjing|Wuhan|Chengdu|Chongqing|Tianjin|
Suzhou|Xiamen|Zhejiang|Jiangsu|Guangdong|Fujian|Sichuan|Hubei|Taipei|Hsinchu|Kaohsiung|Singapore|Bangkok|Jakarta|Kuala Lumpur|Manila|
Hanoi|Ho Chi Minh City|Mumbai|Bombay|New Delhi|Delhi|Bengaluru|Bangalore|Chennai|Hyderabad|Kolkata|Pune|Ahmedabad|Gujarat|Karachi|
Lahore|Dhaka|Colombo|Dubai|Abu Dhabi|Riyadh|Jeddah|Doha|Kuwait City|Muscat|Manama|Tehran|Baghdad|Istanbul|Ankara|Cairo|Tel Aviv|
Jerusalem|Johannesburg|Cape Town|Lagos|Nairobi|London|Manchester|Birmingham|Edinburgh|Glasgow|Oxford|Cambridge|Dublin|Paris|Lyon|
Marseille|Berlin|Munich|Frankfurt|Hamburg|Stuttgart|Cologne|Dusseldorf|Madrid|Barcelona|Lisbon|Rome|Milan|Turin|Amsterdam|Rotterdam|
Brussels|Zurich|Geneva|Vienna|Prague|Warsaw|Budapest|Stockholm|Oslo|Copenhagen|Helsinki|Moscow|St Petersburg|Kyiv|Kiev|Athens|
New York|Washington|Los Angeles|San Francisco|Silicon Valley|Seattle|Chicago|Boston|Houston|Dallas|Austin|Atlanta|Miami|Detroit|
Denver|Phoenix|Philadelphia|Pittsburgh|Cleveland|Minneapolis|Toronto|Montreal|Vancouver|Ottawa|Mexico City|Sao Paulo|Rio de Janeiro|
Buenos Aires|Santiago|Lima|Bogota|Sydney|Melbourne|Brisbane|Perth|Adelaide|Auckland|Wellington|California|Texas|Ohio|Michigan|
Florida|Nevada|Arizona|Illinois|Indiana|Tennessee|Kentucky|Alabama|Carolina|North Carolina|South Carolina|Virginia|New Jersey|
Massachusetts|Pennsylvania|Oregon|Utah|Colorado|Wisconsin|Minnesota|Missouri|Louisiana|Oklahoma|Kansas|Iowa|Nebraska|Queensland|
New South Wales|Victoria|Western Australia|Alberta|Ontario|Quebec|British Columbia|Bavaria|Siberia|Hokkaido|Kyushu|Okinawa|Xinjiang|
Tibet|Inner Mongolia|Yunnan|Hainan|Shandong|Hebei|Henan|Hunan|Anhui|Jiangxi|Shaanxi|Liaoning|Jilin|Heilongjiang|Gansu|Guangxi|
Saudi|Yanbu|Dhahran|Kashagan|Caspian|Arctic|Pacific|Atlantic|Mediterranean|North Sea|Baltic|Red Sea|Persian Gulf|
Kansai|Kanto|Hiroshima|Fukuoka|Sapporo|Kobe|Sendai|Incheon|Daegu|Ulsan|Pohang|Gwangju|Shenyang|Dalian|Qingdao|Ningbo|Hefei|Zhengzhou|
Xi'an|Kunming|Harbin|Changsha|Wuxi|Foshan|Dongguan|Macao|Penang|Johor|Batam|Bali|Surabaya|Cebu|Yangon|Phnom Penh|Vientiane|
Almaty|Astana|Tashkent|Baku|Tbilisi|Yerevan|Minsk|Riga|Vilnius|Tallinn|Bucharest|Sofia|Belgrade|Zagreb|Ljubljana|Bratislava|
Luxembourg City|Monaco|Andorra|Liechtenstein|Gibraltar|Bermuda|Cayman Islands|Bahamas|Puerto Rico|Havana|Caracas|Quito|Montevideo|
Asuncion|La Paz|Panama City|San Jose|Guatemala City|Accra|Abuja|Addis Ababa|Dar es Salaam|Kampala|Kigali|Lusaka|Harare|Luanda|
Kinshasa|Casablanca|Rabat|Algiers|Tunis|Tripoli|Khartoum|Beirut|Damascus|Amman|Sanaa|Kabul|Islamabad|Kathmandu|Thimphu|Male|
Wall Street|Westminster|Brussels|Davos|Normandy|Catalonia|Lombardy|Flanders|Wallonia|Silesia|Yorkshire|Lancashire|Kent|
Surrey|Essex|Hampshire|Cornwall|Devon|Merseyside|Midlands|Ulster|Punjab|Maharashtra|Karnataka|Tamil Nadu|Kerala|Telangana|
Andhra Pradesh|Uttar Pradesh|Rajasthan|Bengal|West Bengal|Odisha|Haryana|Assam|Bihar|Goa|Sindh|Balochistan`

// demonyms are adjectives of places: cues, never company names by themselves.
const demonymList = `American Americans British Briton Chinese Japanese Korean Indian Indians German Germans French Italian Spanish Portuguese Dutch Belgian Swiss
Austrian Swedish Norwegian Danish Finnish Russian Ukrainian Polish Czech Hungarian Romanian Greek Turkish Israeli Iranian Iraqi Saudi
Emirati Qatari Kuwaiti Omani Bahraini Egyptian Nigerian Kenyan South African Australian Canadian Mexican Brazilian Argentine
Argentinian Chilean Colombian Peruvian Venezuelan Indonesian Malaysian Singaporean Thai Vietnamese Filipino Taiwanese Pakistani
Bangladeshi Sri Lankan Nepali European Asian African Arab Western Eastern Northern Southern Gulf Latin Nordic Scandinavian Irish Scottish
Welsh English Hong Kong Korean Soviet Kazakh Uzbek Azeri Georgian Armenian Mongolian Tibetan Cantonese Persian Jewish Muslim Christian
Hindu Buddhist Catholic Islamic Sunni Shia Middle Eastern Pacific Atlantic Sino Anglo Franco Indo Euro`

// firstNames are common given names across cultures; a capitalised word from
// this list starting a two- or three-word name marks a person.
const firstNameList = `James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul
Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary
Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan Joe Jordan
Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy Eugene Vincent Russell Elijah Louis Bobby Philip Johnny Sam Tim
Tom Jim Bill Bob Mike Dave Steve Chris Nick Rob Ben Dan Matt Greg Jeff Ken Ron Ted Tony Andy Rick Jon Josh Alex Max Fred Harry Charlie
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley Kimberly Emily Donna
Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela
Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia
Kelly Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Kathryn Alice Jean Sara Julia
Grace Judy Theresa Madison Beverly Denise Marilyn Amber Danielle Rose Brittany Diana Abigail Natalie Jane Lori Alexis Tiffany Kayla Clara
Claire Sophie Lucy Kate Jenny Anne Sally Ellen Gina Ruth Marissa Sheryl Ginni Indra Safra Mira Susan Abby Jamie Jill Mervyn Malcolm Neil
Ian Colin Graham Stuart Nigel Simon Martin Clive Trevor Derek Barry Gordon Hugh Rupert Oliver Jeremy Toby Giles Rishi Boris Keir Theresa
Gautam Mukesh Anil Ratan Cyrus Azim Nandan Narayana Sundar Satya Shantanu Arvind Ajay Sanjay Rahul Amit Vijay Raj Ravi Rajesh Suresh
Ramesh Mahesh Dinesh Pranab Narendra Manmohan Nirmala Piyush Mani Shankar Lakshmi Kumar Anand Harsh Uday Kumar Akash Isha Anant
Nita Priya Deepak Vikram Arun Ashok Sunil Sachin Vivek Rohit Salil Sajjan Savitri Kiran Nikhil Nitin Rakesh Yogesh Uday Aditya Ajit
Masayoshi Akio Shigeru Shinzo Fumio Yoshihide Hiroshi Takeshi Kenji Koji Yuki Haruki Kazuo Toshiaki Satoshi
Takashi Makoto Naoki Hideki Hiroaki Yoshiaki Kenichiro Tadashi Osamu Masahiro Shuntaro Kenichi Hiroto Taro Ichiro Akira Yasuhiro Keiichiro
Jun Kazuhiro Masato Shinji Takahiro Tomoko Yuko Keiko Akiko Yoko Toshihiro Hirotaka Katsuya Sadayuki Takeo Kiyoshi Koichi Mitsuru
Xi Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Jack Pony Robin Lei Jensen Morris Terry Lisa Tsai Lee Kim Park Choi Jung Kang Cho Yoon
Jae-yong Jae Kun-hee Chung Koo Euisun Mong-koo Young Sung Hyun Min Jin Seung Ji Joon Ho Woo Hee Kwang Sang Byung Yong Hyung
Yuan Jianguo Wei Fang Ming Jian Hong Hui Jing Lin Ping Qiang Tao Xin Yan Ying Yu Zhi Zhong Guo Hai Jun
Mohammed Mohammad Muhammad Mohamed Ahmed Ahmad Ali Hassan Hussein Omar Abdullah Abdul Abdulaziz Khalid Khaled Faisal Fahad Saud Sultan
Salman Nasser Yasser Amin Amer Tariq Majid Saeed Rashid Hamad Tamim Mansour Hamdan Sheikh Ibrahim Ismail Youssef Yousef Mustafa
Karim Samir Walid Nabil Fadi Rami Ziad Bassem Hisham Ayman Osama Tarek Sami Adel Nawaf Turki Bandar Badr Talal Waleed Fawaz Majed Sara
Aisha Fatima Layla Noura Reem Hala Rania Dina Mona Huda
Vladimir Dmitry Dmitri Sergei Sergey Alexei Alexey Aleksey Mikhail Igor Oleg Andrei Andrey Viktor Victor Yuri Boris Ivan Nikolai Pavel
Roman Leonid Anatoly Gennady Vagit Arkady Herman German Alisher Oleg Yevgeny Evgeny Vitaly Kirill Maxim Olga Tatiana Natalia Elena
Irina Svetlana Anna Ekaterina 
Hans Klaus Jurgen Juergen Wolfgang Dieter Werner Horst Helmut Gerhard Frank Stefan Thomas Markus Matthias Joachim Rolf Ulrich Herbert
Olaf Angela Ursula Friedrich Heinz Manfred Norbert Herbert Oliver Christian Karl Josef Franz Otto Reinhard Rainer Bernd Jens
Emmanuel Francois Jean Pierre Jacques Michel Philippe Nicolas Alain Bernard Henri Louis Thierry Patrick Christophe Laurent Olivier
Sebastien Arnaud Guillaume Antoine Julien Benoit Xavier Yves Bruno Didier Gilles Hugues Arthur Marie Catherine Christine
Isabelle Sylvie Anne Sophie Valerie Agnes
Carlos Luis Jorge Pedro Miguel Antonio Manuel Francisco Javier Fernando Rafael Alejandro Diego Pablo Sergio Andres Eduardo Ricardo
Roberto Alberto Mario Marco Marcelo Gustavo Felipe Enrique Emilio Ignacio Jaime Joaquin Lula Dilma Ana Carmen Lucia Isabel Sofia
Giuseppe Giovanni Luca Matteo Paolo Alessandro Andrea Francesco Lorenzo Stefano Giorgio Sergio Claudio Silvio Mario Enrico Carlo
Jan Piet Pieter Willem Joost Maarten Henk Erik Lars Anders Johan Nils Magnus Mats Per Sven Jonas Gustav Oskar Niklas Jacob Kasper
Mette Ingrid Astrid Elif Recep Ahmet Mehmet Mustafa Emre Can Hakan Murat Ozan Kemal
Elon Jeff Warren Satya Sundar Sheryl Reed Marc Reid Travis Dara Jamie Lloyd Brad Doug Rene Rodney Rupert Conrad Frederick Joel
Elliot Shawn Sandy Pascal Lachlan Stuart Neil`

// countNouns are plural heads that make a number a count even without an "s"
// ending ("10 aircraft", "1,000 people").
const countNounList = `people staff personnel aircraft vehicles employees jobs workers units shares homes households customers users
stores outlets branches locations plants factories sites cars trucks planes ships barrels tons tonnes subscribers members
children women men sheep cattle fish deer series crew police`

// durationUnits name spans of time.
const durationUnitList = `year years month months week weeks day days decade decades hour hours minute minutes quarter quarters century centuries`

// scales multiply a number.
var scales = map[string]float64{
	"thousand": 1e3, "k": 1e3, "K": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "M": 1e6,
	"billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "B": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
	"T": 1e12, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
}

// currencyWords follow a number ("385 million euros").
var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
	"yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "won": "KRW", "rouble": "RUB",
	"roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
	"francs": "CHF", "franc": "CHF", "pence": "GBX", "p": "GBX", "cents": "USc", "cent": "USc", "ringgit": "MYR",
	"baht": "THB", "rupiah": "IDR", "pesos": "MXN", "peso": "MXN", "reais": "BRL", "real": "BRL", "lira": "TRY",
	"krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "rand": "ZAR", "naira": "NGN",
}

// currencyPrefixes come before a number ("$", "US$", "Rs", "USD").
var currencyPrefixes = map[string]string{
	"$": "USD", "US$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "S$": "SGD", "NZ$": "NZD", "NT$": "TWD", "R$": "BRL",
	"€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "Rs": "INR", "Rs.": "INR", "INR": "INR",
	"USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY", "AUD": "AUD", "CAD": "CAD",
	"CHF": "CHF", "HKD": "HKD", "SGD": "SGD", "SAR": "SAR", "AED": "AED", "KRW": "KRW", "RUB": "RUB", "Dh": "AED",
	"SR": "SAR", "Tk": "BDT", "Rp": "IDR", "RM": "MYR", "R": "ZAR",
}

// numberWords spell small numbers.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
	"a": 1, "an": 1,
}

// weekdays and months are date words.
const dateWordList = `Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec`

// wordSet is one list of the lexicon: a bit in lexicon.info.
type wordSet uint32

// has reports whether w (a word or a multi-word name) is in the list.
func (s wordSet) has(w string) bool { return lex.get(w)&uint32(s) != 0 }

// lists returns every list w is in, for testing several with one look-up.
func (l *lexicon) lists(w string) wordSet { return wordSet(l.get(w)) }

// The lists, one bit each in lexicon.info.
const (
	legal wordSet = 1 << iota
	designator
	nonCompanyEnd
	title
	personCue
	companyCue
	reportVerb
	companyVerb
	commonCap
	demonym
	firstName
	countNoun
	durationUnit
	dateWord
	place
	known
	wire
	nonCompany
	// cueCap marks capitalised company or person cue nouns ("Chipmaker",
	// "VCs") that may open a run of capitals without being a name.
	cueCap
)

// lexicon holds every list in one map from word (or name) to a bit set, so
// one look-up answers every question about a word.
type lexicon struct {
	info map[string]uint32
	// bloom filters look-ups before the table: the lists are large and
	// cold between passes, and most words asked about are in none of them.
	bloom bloomFilter
	// table answers the words that pass the filter (info, laid out for
	// look-ups)
	table *wordTable

	legal, designator, nonCompanyEnd, title, personCue, companyCue, reportVerb, companyVerb          wordSet
	commonCap, demonym, firstName, countNoun, durationUnit, dateWord, place, known, wire, nonCompany wordSet

	// knownShort maps a long known name to its conventional short form
	// ("General Motors" → "GM") so both are one entity.
	knownShort map[string]string
}

// lex is the lexicon, built on first use (useLexicon): building it is most
// of this package's start-up cost, which every command of the program would
// pay otherwise, most of them without annotating anything.
var (
	lex     *lexicon
	lexOnce sync.Once
)

// useLexicon builds lex once; the entity pass calls it before any look-up.
func useLexicon() { lexOnce.Do(func() { lex = buildLexicon() }) }

// Prepare builds the word tables Article needs, so that a caller about to
// annotate (after reading a file, say) can have it done meanwhile on
// another goroutine. Article calls it itself; calling it twice is free.
func Prepare() { useLexicon() }

// get returns w's lists as bits (0 for a word in none).
func (l *lexicon) get(w string) uint32 {
	h := wordHash(w, 0)
	if !l.bloom.has(h) {
		return 0
	}
	return l.table.get(w, h)
}

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func entries(s string) []string {
	var out []string
	for _, e := range strings.Split(s, "|") {
		e = strings.Join(strings.Fields(e), " ")
		if e != "" {
			out = append(out, e)
		}
	}
	return out
}

func buildLexicon() *lexicon {
	l := &lexicon{
		// sized for the lists (about 3,700 words and names): built at start-up
		// of every command, so no rehashing as it grows
		info: make(map[string]uint32, 4096), knownShort: map[string]string{},
		legal: legal, designator: designator, nonCompanyEnd: nonCompanyEnd, title: title, personCue: personCue,
		companyCue: companyCue, reportVerb: reportVerb, companyVerb: companyVerb, commonCap: commonCap, demonym: demonym,
		firstName: firstName, countNoun: countNoun, durationUnit: durationUnit, dateWord: dateWord, place: place,
		known: known, wire: wire, nonCompany: nonCompany,
	}
	for list, set := range map[string]wordSet{legalSuffixList: legal, designatorList: designator,
		nonCompanyEndList: nonCompanyEnd, titleList: title, personCueList: personCue, companyCueList: companyCue,
		reportVerbList: reportVerb, companyVerbList: companyVerb, commonCapList: commonCap, demonymList: demonym,
		firstNameList: firstName, countNounList: countNoun, durationUnitList: durationUnit, dateWordList: dateWord} {
		for _, w := range strings.Fields(list) {
			l.info[w] |= uint32(set)
		}
	}
	for _, w := range strings.Fields(companyCueList + " " + personCueList) {
		l.info[strings.ToUpper(w[:1])+w[1:]] |= uint32(cueCap)
		if len(w) > 1 && w[len(w)-1] == 's' {
			l.info[strings.ToUpper(w[:len(w)-1])+"s"] |= uint32(cueCap) // "VCs"
		}
	}
	for list, set := range map[string]wordSet{placeList: place, wireList: wire, nonCompanyList: nonCompany} {
		for _, e := range entries(list) {
			l.info[e] |= uint32(set)
		}
	}
	for _, e := range entries(knownCompanyList) {
		long, short, ok := strings.Cut(e, "=")
		l.info[long] |= uint32(known)
		if ok {
			l.info[short] |= uint32(known)
			l.knownShort[long] = short
		}
	}
	l.table = newWordTable(l.info, 0)
	for w := range l.info {
		l.bloom.add(wordHash(w, 0))
	}
	return l
}
