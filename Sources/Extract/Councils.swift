import Foundation

// The councils of England, Wales and Scotland, from 2009 to today.
//
// Source: ONS Local Authority Districts (December 2021) and Counties and Unitary Authorities
// names and codes (Open Geography Portal), with the earlier ONS lists for the councils
// abolished since 2009 (Bournemouth and Poole, the Dorset districts, Taunton Deane, West
// Somerset and four Suffolk districts in 2019; the Buckinghamshire districts in 2020; the
// Northamptonshire districts in 2021; the Cumbria, North Yorkshire and Somerset districts in
// 2023) and the councils created in their place; Scottish council areas by their current codes.
// Contains public sector information licensed under the Open Government Licence v3.0.
// Compiled offline by hand from those lists; short names follow CORPUS.md (`authority`).

/// A council of England, Wales or Scotland: its ONS (GSS) code, the short canonical name the
/// corpus records (`Doncaster`, `Kent`, `Hull` for Kingston upon Hull, `Durham` for County
/// Durham), what kind of council it is, for a district the county it sits in, and other names
/// it is printed under (`Shepway` for Folkestone and Hythe before 2018).
public struct Council: Sendable, Hashable {
    /// The tiers and nations' council types, as ONS codes them (E10, E06, E08, E09, E07, W06, S12).
    public enum Kind: String, Sendable, CaseIterable {
        /// A shire county council (E10): the upper tier over districts.
        case county
        /// An English unitary authority (E06).
        case unitary
        /// A metropolitan borough (E08).
        case metropolitan
        /// A London borough, or the City of London Corporation that ONS codes with them (E09).
        case london
        /// A non-metropolitan district (E07), the lower tier under a county.
        case district
        /// A Welsh principal area, county or county borough (W06).
        case welsh
        /// A Scottish council area (S12).
        case scottish
    }

    /// The ONS GSS code (`E07000107`).
    public let code: String
    /// The short canonical name (`Dartford`).
    public let name: String
    public let kind: Kind
    /// For a district, the name of its county (`Kent`); nil otherwise.
    public let county: String?
    /// Other names the council is printed under.
    public let aliases: [String]

    /// The name and every alias.
    public var names: [String] { [name] + aliases }
}

/// The one table of councils (see the source note above). A county that became a unitary
/// keeps both rows, one per code (North Yorkshire E10000023 and E06000065), under one name.
public enum Councils {
    /// Every council, counties first, then unitaries, metropolitan and London boroughs,
    /// districts, Welsh principal areas and Scottish council areas.
    public static let all: [Council] = table.split(separator: "\n").map { line in
        let f = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard f.count > Column.kind, let kind = Council.Kind(rawValue: f[Column.kind]) else { preconditionFailure("bad council row: \(line)") }
        let county = f.count > Column.county && !f[Column.county].isEmpty ? f[Column.county] : nil
        let aliases = f.count > Column.aliases ? f[Column.aliases].split(separator: ";").map(String.init) : []
        return Council(code: f[Column.code], name: f[Column.name], kind: kind, county: county, aliases: aliases)
    }

    /// The positions of the `|`-separated fields of a row of `table`; a row needs every field
    /// up to `kind`, `county` and `aliases` may be left off.
    enum Column {
        static let code = 0
        static let name = 1
        static let kind = 2
        static let county = 3
        static let aliases = 4
    }

    /// The councils printed under a name (two rows where a county became a unitary).
    public static func named(_ name: String) -> [Council] { all.filter { $0.name == name } }

    /// `code | name | kind | county (districts) | aliases (;-separated)`
    static let table = """
        E10000002 | Buckinghamshire | county
        E10000003 | Cambridgeshire | county
        E10000006 | Cumbria | county
        E10000007 | Derbyshire | county
        E10000008 | Devon | county
        E10000009 | Dorset | county
        E10000011 | East Sussex | county
        E10000012 | Essex | county
        E10000013 | Gloucestershire | county
        E10000014 | Hampshire | county
        E10000015 | Hertfordshire | county
        E10000016 | Kent | county
        E10000017 | Lancashire | county
        E10000018 | Leicestershire | county
        E10000019 | Lincolnshire | county
        E10000020 | Norfolk | county
        E10000023 | North Yorkshire | county
        E10000021 | Northamptonshire | county
        E10000024 | Nottinghamshire | county
        E10000025 | Oxfordshire | county
        E10000027 | Somerset | county
        E10000028 | Staffordshire | county
        E10000029 | Suffolk | county
        E10000030 | Surrey | county
        E10000031 | Warwickshire | county
        E10000032 | West Sussex | county
        E10000034 | Worcestershire | county
        E06000022 | Bath and North East Somerset | unitary
        E06000055 | Bedford | unitary
        E06000008 | Blackburn with Darwen | unitary
        E06000009 | Blackpool | unitary
        E06000028 | Bournemouth | unitary
        E06000058 | Bournemouth, Christchurch and Poole | unitary |  | BCP
        E06000036 | Bracknell Forest | unitary
        E06000043 | Brighton and Hove | unitary
        E06000023 | Bristol | unitary
        E06000060 | Buckinghamshire | unitary
        E06000056 | Central Bedfordshire | unitary
        E06000049 | Cheshire East | unitary
        E06000050 | Cheshire West and Chester | unitary
        E06000052 | Cornwall | unitary
        E06000063 | Cumberland | unitary
        E06000005 | Darlington | unitary
        E06000015 | Derby | unitary
        E06000059 | Dorset | unitary
        E06000047 | Durham | unitary |  | County Durham
        E06000011 | East Riding of Yorkshire | unitary
        E06000006 | Halton | unitary
        E06000001 | Hartlepool | unitary
        E06000019 | Herefordshire | unitary
        E06000010 | Hull | unitary |  | Kingston upon Hull
        E06000046 | Isle of Wight | unitary
        E06000053 | Isles of Scilly | unitary
        E06000016 | Leicester | unitary
        E06000032 | Luton | unitary
        E06000035 | Medway | unitary
        E06000002 | Middlesbrough | unitary
        E06000042 | Milton Keynes | unitary
        E06000012 | North East Lincolnshire | unitary
        E06000013 | North Lincolnshire | unitary
        E06000061 | North Northamptonshire | unitary
        E06000024 | North Somerset | unitary
        E06000065 | North Yorkshire | unitary
        E06000057 | Northumberland | unitary
        E06000018 | Nottingham | unitary
        E06000031 | Peterborough | unitary
        E06000026 | Plymouth | unitary
        E06000029 | Poole | unitary
        E06000044 | Portsmouth | unitary
        E06000038 | Reading | unitary
        E06000003 | Redcar and Cleveland | unitary
        E06000017 | Rutland | unitary
        E06000051 | Shropshire | unitary
        E06000039 | Slough | unitary
        E06000066 | Somerset | unitary
        E06000025 | South Gloucestershire | unitary
        E06000045 | Southampton | unitary
        E06000033 | Southend-on-Sea | unitary |  | Southend
        E06000004 | Stockton-on-Tees | unitary
        E06000021 | Stoke-on-Trent | unitary
        E06000030 | Swindon | unitary
        E06000020 | Telford and Wrekin | unitary
        E06000034 | Thurrock | unitary
        E06000027 | Torbay | unitary
        E06000007 | Warrington | unitary
        E06000037 | West Berkshire | unitary
        E06000062 | West Northamptonshire | unitary
        E06000064 | Westmorland and Furness | unitary
        E06000054 | Wiltshire | unitary
        E06000040 | Windsor and Maidenhead | unitary
        E06000041 | Wokingham | unitary
        E06000014 | York | unitary
        E08000016 | Barnsley | metropolitan
        E08000025 | Birmingham | metropolitan
        E08000001 | Bolton | metropolitan
        E08000032 | Bradford | metropolitan
        E08000002 | Bury | metropolitan
        E08000033 | Calderdale | metropolitan
        E08000026 | Coventry | metropolitan
        E08000017 | Doncaster | metropolitan
        E08000027 | Dudley | metropolitan
        E08000037 | Gateshead | metropolitan
        E08000034 | Kirklees | metropolitan
        E08000011 | Knowsley | metropolitan
        E08000035 | Leeds | metropolitan
        E08000012 | Liverpool | metropolitan
        E08000003 | Manchester | metropolitan
        E08000021 | Newcastle | metropolitan |  | Newcastle upon Tyne
        E08000022 | North Tyneside | metropolitan
        E08000004 | Oldham | metropolitan
        E08000005 | Rochdale | metropolitan
        E08000018 | Rotherham | metropolitan
        E08000006 | Salford | metropolitan
        E08000028 | Sandwell | metropolitan
        E08000014 | Sefton | metropolitan
        E08000019 | Sheffield | metropolitan
        E08000029 | Solihull | metropolitan
        E08000023 | South Tyneside | metropolitan
        E08000013 | St Helens | metropolitan |  | St. Helens
        E08000007 | Stockport | metropolitan
        E08000024 | Sunderland | metropolitan
        E08000008 | Tameside | metropolitan
        E08000009 | Trafford | metropolitan
        E08000036 | Wakefield | metropolitan
        E08000030 | Walsall | metropolitan
        E08000010 | Wigan | metropolitan
        E08000015 | Wirral | metropolitan
        E08000031 | Wolverhampton | metropolitan
        E09000002 | Barking and Dagenham | london
        E09000003 | Barnet | london
        E09000004 | Bexley | london
        E09000005 | Brent | london
        E09000006 | Bromley | london
        E09000007 | Camden | london
        E09000001 | City of London | london
        E09000008 | Croydon | london
        E09000009 | Ealing | london
        E09000010 | Enfield | london
        E09000011 | Greenwich | london
        E09000012 | Hackney | london
        E09000013 | Hammersmith and Fulham | london
        E09000014 | Haringey | london
        E09000015 | Harrow | london
        E09000016 | Havering | london
        E09000017 | Hillingdon | london
        E09000018 | Hounslow | london
        E09000019 | Islington | london
        E09000020 | Kensington and Chelsea | london
        E09000021 | Kingston upon Thames | london
        E09000022 | Lambeth | london
        E09000023 | Lewisham | london
        E09000024 | Merton | london
        E09000025 | Newham | london
        E09000026 | Redbridge | london
        E09000027 | Richmond upon Thames | london
        E09000028 | Southwark | london
        E09000029 | Sutton | london
        E09000030 | Tower Hamlets | london
        E09000031 | Waltham Forest | london
        E09000032 | Wandsworth | london
        E09000033 | Westminster | london
        E07000223 | Adur | district | West Sussex
        E07000026 | Allerdale | district | Cumbria
        E07000032 | Amber Valley | district | Derbyshire
        E07000224 | Arun | district | West Sussex
        E07000170 | Ashfield | district | Nottinghamshire
        E07000105 | Ashford | district | Kent
        E07000004 | Aylesbury Vale | district | Buckinghamshire
        E07000200 | Babergh | district | Suffolk
        E07000027 | Barrow-in-Furness | district | Cumbria
        E07000066 | Basildon | district | Essex
        E07000084 | Basingstoke and Deane | district | Hampshire
        E07000171 | Bassetlaw | district | Nottinghamshire
        E07000129 | Blaby | district | Leicestershire
        E07000033 | Bolsover | district | Derbyshire
        E07000136 | Boston | district | Lincolnshire
        E07000067 | Braintree | district | Essex
        E07000143 | Breckland | district | Norfolk
        E07000068 | Brentwood | district | Essex
        E07000144 | Broadland | district | Norfolk
        E07000234 | Bromsgrove | district | Worcestershire
        E07000095 | Broxbourne | district | Hertfordshire
        E07000172 | Broxtowe | district | Nottinghamshire
        E07000117 | Burnley | district | Lancashire
        E07000008 | Cambridge | district | Cambridgeshire
        E07000192 | Cannock Chase | district | Staffordshire
        E07000106 | Canterbury | district | Kent
        E07000028 | Carlisle | district | Cumbria
        E07000069 | Castle Point | district | Essex
        E07000130 | Charnwood | district | Leicestershire
        E07000070 | Chelmsford | district | Essex
        E07000078 | Cheltenham | district | Gloucestershire
        E07000177 | Cherwell | district | Oxfordshire
        E07000034 | Chesterfield | district | Derbyshire
        E07000225 | Chichester | district | West Sussex
        E07000005 | Chiltern | district | Buckinghamshire
        E07000118 | Chorley | district | Lancashire
        E07000048 | Christchurch | district | Dorset
        E07000071 | Colchester | district | Essex
        E07000029 | Copeland | district | Cumbria
        E07000150 | Corby | district | Northamptonshire
        E07000079 | Cotswold | district | Gloucestershire
        E07000163 | Craven | district | North Yorkshire
        E07000226 | Crawley | district | West Sussex
        E07000096 | Dacorum | district | Hertfordshire
        E07000107 | Dartford | district | Kent
        E07000151 | Daventry | district | Northamptonshire
        E07000035 | Derbyshire Dales | district | Derbyshire
        E07000108 | Dover | district | Kent
        E07000009 | East Cambridgeshire | district | Cambridgeshire
        E07000040 | East Devon | district | Devon
        E07000049 | East Dorset | district | Dorset
        E07000085 | East Hampshire | district | Hampshire
        E07000242 | East Hertfordshire | district | Hertfordshire
        E07000137 | East Lindsey | district | Lincolnshire
        E07000152 | East Northamptonshire | district | Northamptonshire
        E07000193 | East Staffordshire | district | Staffordshire
        E07000244 | East Suffolk | district | Suffolk
        E07000061 | Eastbourne | district | East Sussex
        E07000086 | Eastleigh | district | Hampshire
        E07000030 | Eden | district | Cumbria
        E07000207 | Elmbridge | district | Surrey
        E07000072 | Epping Forest | district | Essex
        E07000208 | Epsom and Ewell | district | Surrey
        E07000036 | Erewash | district | Derbyshire
        E07000041 | Exeter | district | Devon
        E07000087 | Fareham | district | Hampshire
        E07000010 | Fenland | district | Cambridgeshire
        E07000112 | Folkestone and Hythe | district | Kent | Shepway
        E07000201 | Forest Heath | district | Suffolk
        E07000080 | Forest of Dean | district | Gloucestershire
        E07000119 | Fylde | district | Lancashire
        E07000173 | Gedling | district | Nottinghamshire
        E07000081 | Gloucester | district | Gloucestershire
        E07000088 | Gosport | district | Hampshire
        E07000109 | Gravesham | district | Kent
        E07000145 | Great Yarmouth | district | Norfolk
        E07000209 | Guildford | district | Surrey
        E07000164 | Hambleton | district | North Yorkshire
        E07000131 | Harborough | district | Leicestershire
        E07000073 | Harlow | district | Essex
        E07000165 | Harrogate | district | North Yorkshire
        E07000089 | Hart | district | Hampshire
        E07000062 | Hastings | district | East Sussex
        E07000090 | Havant | district | Hampshire
        E07000098 | Hertsmere | district | Hertfordshire
        E07000037 | High Peak | district | Derbyshire
        E07000132 | Hinckley and Bosworth | district | Leicestershire
        E07000227 | Horsham | district | West Sussex
        E07000011 | Huntingdonshire | district | Cambridgeshire
        E07000120 | Hyndburn | district | Lancashire
        E07000202 | Ipswich | district | Suffolk
        E07000153 | Kettering | district | Northamptonshire
        E07000146 | King's Lynn and West Norfolk | district | Norfolk | King’s Lynn and West Norfolk
        E07000121 | Lancaster | district | Lancashire
        E07000063 | Lewes | district | East Sussex
        E07000194 | Lichfield | district | Staffordshire
        E07000138 | Lincoln | district | Lincolnshire
        E07000110 | Maidstone | district | Kent
        E07000074 | Maldon | district | Essex
        E07000235 | Malvern Hills | district | Worcestershire
        E07000174 | Mansfield | district | Nottinghamshire
        E07000133 | Melton | district | Leicestershire
        E07000187 | Mendip | district | Somerset
        E07000042 | Mid Devon | district | Devon
        E07000203 | Mid Suffolk | district | Suffolk
        E07000228 | Mid Sussex | district | West Sussex
        E07000210 | Mole Valley | district | Surrey
        E07000091 | New Forest | district | Hampshire
        E07000175 | Newark and Sherwood | district | Nottinghamshire
        E07000195 | Newcastle-under-Lyme | district | Staffordshire
        E07000043 | North Devon | district | Devon
        E07000050 | North Dorset | district | Dorset
        E07000038 | North East Derbyshire | district | Derbyshire
        E07000099 | North Hertfordshire | district | Hertfordshire
        E07000139 | North Kesteven | district | Lincolnshire
        E07000147 | North Norfolk | district | Norfolk
        E07000218 | North Warwickshire | district | Warwickshire
        E07000134 | North West Leicestershire | district | Leicestershire
        E07000154 | Northampton | district | Northamptonshire
        E07000148 | Norwich | district | Norfolk
        E07000219 | Nuneaton and Bedworth | district | Warwickshire
        E07000135 | Oadby and Wigston | district | Leicestershire
        E07000178 | Oxford | district | Oxfordshire
        E07000122 | Pendle | district | Lancashire
        E07000123 | Preston | district | Lancashire
        E07000051 | Purbeck | district | Dorset
        E07000236 | Redditch | district | Worcestershire
        E07000211 | Reigate and Banstead | district | Surrey
        E07000124 | Ribble Valley | district | Lancashire
        E07000166 | Richmondshire | district | North Yorkshire
        E07000075 | Rochford | district | Essex
        E07000125 | Rossendale | district | Lancashire
        E07000064 | Rother | district | East Sussex
        E07000220 | Rugby | district | Warwickshire
        E07000212 | Runnymede | district | Surrey
        E07000176 | Rushcliffe | district | Nottinghamshire
        E07000092 | Rushmoor | district | Hampshire
        E07000167 | Ryedale | district | North Yorkshire
        E07000168 | Scarborough | district | North Yorkshire
        E07000188 | Sedgemoor | district | Somerset
        E07000169 | Selby | district | North Yorkshire
        E07000111 | Sevenoaks | district | Kent
        E07000246 | Somerset West and Taunton | district | Somerset
        E07000006 | South Bucks | district | Buckinghamshire
        E07000012 | South Cambridgeshire | district | Cambridgeshire
        E07000039 | South Derbyshire | district | Derbyshire
        E07000044 | South Hams | district | Devon
        E07000140 | South Holland | district | Lincolnshire
        E07000141 | South Kesteven | district | Lincolnshire
        E07000031 | South Lakeland | district | Cumbria
        E07000149 | South Norfolk | district | Norfolk
        E07000155 | South Northamptonshire | district | Northamptonshire
        E07000179 | South Oxfordshire | district | Oxfordshire
        E07000126 | South Ribble | district | Lancashire
        E07000189 | South Somerset | district | Somerset
        E07000196 | South Staffordshire | district | Staffordshire
        E07000213 | Spelthorne | district | Surrey
        E07000240 | St Albans | district | Hertfordshire | St. Albans
        E07000204 | St Edmundsbury | district | Suffolk | St. Edmundsbury
        E07000197 | Stafford | district | Staffordshire
        E07000198 | Staffordshire Moorlands | district | Staffordshire
        E07000243 | Stevenage | district | Hertfordshire
        E07000221 | Stratford-on-Avon | district | Warwickshire
        E07000082 | Stroud | district | Gloucestershire
        E07000205 | Suffolk Coastal | district | Suffolk
        E07000214 | Surrey Heath | district | Surrey
        E07000113 | Swale | district | Kent
        E07000199 | Tamworth | district | Staffordshire
        E07000215 | Tandridge | district | Surrey
        E07000190 | Taunton Deane | district | Somerset
        E07000045 | Teignbridge | district | Devon
        E07000076 | Tendring | district | Essex
        E07000093 | Test Valley | district | Hampshire
        E07000083 | Tewkesbury | district | Gloucestershire
        E07000114 | Thanet | district | Kent
        E07000102 | Three Rivers | district | Hertfordshire
        E07000115 | Tonbridge and Malling | district | Kent
        E07000046 | Torridge | district | Devon
        E07000116 | Tunbridge Wells | district | Kent
        E07000077 | Uttlesford | district | Essex
        E07000180 | Vale of White Horse | district | Oxfordshire
        E07000222 | Warwick | district | Warwickshire
        E07000103 | Watford | district | Hertfordshire
        E07000206 | Waveney | district | Suffolk
        E07000216 | Waverley | district | Surrey
        E07000065 | Wealden | district | East Sussex
        E07000156 | Wellingborough | district | Northamptonshire
        E07000241 | Welwyn Hatfield | district | Hertfordshire
        E07000047 | West Devon | district | Devon
        E07000052 | West Dorset | district | Dorset
        E07000127 | West Lancashire | district | Lancashire
        E07000142 | West Lindsey | district | Lincolnshire
        E07000181 | West Oxfordshire | district | Oxfordshire
        E07000191 | West Somerset | district | Somerset
        E07000245 | West Suffolk | district | Suffolk
        E07000053 | Weymouth and Portland | district | Dorset
        E07000094 | Winchester | district | Hampshire
        E07000217 | Woking | district | Surrey
        E07000237 | Worcester | district | Worcestershire
        E07000229 | Worthing | district | West Sussex
        E07000238 | Wychavon | district | Worcestershire
        E07000007 | Wycombe | district | Buckinghamshire
        E07000128 | Wyre | district | Lancashire
        E07000239 | Wyre Forest | district | Worcestershire
        W06000019 | Blaenau Gwent | welsh
        W06000013 | Bridgend | welsh
        W06000018 | Caerphilly | welsh
        W06000015 | Cardiff | welsh
        W06000010 | Carmarthenshire | welsh
        W06000008 | Ceredigion | welsh
        W06000003 | Conwy | welsh
        W06000004 | Denbighshire | welsh
        W06000005 | Flintshire | welsh
        W06000002 | Gwynedd | welsh
        W06000001 | Isle of Anglesey | welsh |  | Anglesey
        W06000024 | Merthyr Tydfil | welsh
        W06000021 | Monmouthshire | welsh
        W06000012 | Neath Port Talbot | welsh
        W06000022 | Newport | welsh
        W06000009 | Pembrokeshire | welsh
        W06000023 | Powys | welsh
        W06000016 | Rhondda Cynon Taf | welsh |  | Rhondda Cynon Taff
        W06000011 | Swansea | welsh
        W06000020 | Torfaen | welsh
        W06000014 | Vale of Glamorgan | welsh
        W06000006 | Wrexham | welsh
        S12000033 | Aberdeen | scottish
        S12000034 | Aberdeenshire | scottish
        S12000041 | Angus | scottish
        S12000035 | Argyll and Bute | scottish
        S12000005 | Clackmannanshire | scottish
        S12000006 | Dumfries and Galloway | scottish
        S12000042 | Dundee | scottish
        S12000008 | East Ayrshire | scottish
        S12000045 | East Dunbartonshire | scottish
        S12000010 | East Lothian | scottish
        S12000011 | East Renfrewshire | scottish
        S12000036 | Edinburgh | scottish
        S12000014 | Falkirk | scottish
        S12000047 | Fife | scottish
        S12000049 | Glasgow | scottish
        S12000017 | Highland | scottish
        S12000018 | Inverclyde | scottish
        S12000019 | Midlothian | scottish
        S12000020 | Moray | scottish
        S12000013 | Na h-Eileanan Siar | scottish |  | Eilean Siar;Western Isles
        S12000021 | North Ayrshire | scottish
        S12000050 | North Lanarkshire | scottish
        S12000023 | Orkney Islands | scottish
        S12000048 | Perth and Kinross | scottish
        S12000038 | Renfrewshire | scottish
        S12000026 | Scottish Borders | scottish
        S12000027 | Shetland Islands | scottish
        S12000028 | South Ayrshire | scottish
        S12000029 | South Lanarkshire | scottish
        S12000030 | Stirling | scottish
        S12000039 | West Dunbartonshire | scottish
        S12000040 | West Lothian | scottish
        """
}
