// The words invoices use, in English, French, German, Dutch, Spanish,
// Italian and Portuguese, as regular expressions over folded text (lower
// case, no accents: see normalize.ts). This is data: add a language or a
// synonym here, the rules in rule-based.ts stay as they are.

const r = (source: string) => new RegExp(source);

export const LABELS = {
  invoiceNumber: r(
    String.raw`\b(invoice|inv|bill|receipt|tax invoice|credit note|document|doc)\.?\s*(number|no\b|no\.|nr\.?|num\.?|#|n°|n\.?o\.?\b|id\b|ref)|` +
      String.raw`\b(numero|num\.?|n°|no\.?|nr\.?|n\.?o|nº|n\.)\s*(de\s*)?(la\s*|du\s*|da\s*|della\s*|del\s*)?(facture|factura|fattura|fatura|factuur|rechnung|avoir|document[oa]?)\b|` +
      String.raw`\b(facture|factura|fattura|fatura|factuur|avoir|rechnung|gutschrift|nota de credito|nota di credito)\s*(n°|no\b|no\.|nr\.?|num\.?|numero|nummer|#|n\.?º|nº|n\.)|` +
      String.raw`\b(rechnungs|beleg|factuur|gutschrifts)\s*-?\s*(nummer|nr\.?|no\.?)|\bre\.?\s*-?\s*nr\.?|\bfactuurnr\.?|\binvoice#|` +
      // Polish, Swedish, Portuguese, Danish/Norwegian.
      String.raw`\bfaktura\s*(vat\s*)?(nr|numer|no)\.?|\bnumer\s*faktury|\bfaktura\s*-?\s*(nummer|nr)|\bfakturanr\.?|\bfakturanummer|\bnumero\s*da\s*fatura`,
  ),
  /** Words that make a number something else than the invoice's (customer, order, tax numbers…). */
  notInvoiceNumber: r(
    String.raw`\b(customer|client|kunden|klant|cliente|account|konto|compte|order|bestell|commande|auftrag|pedido|ordine|bestelling|purchase|po\b|delivery|liefer|livraison|levering|albaran|tax|steuer|vat|tva|btw|iva|ust|mwst|siret|siren|kvk|contract|vertrag|contrat|phone|tel|fax|mandat|related|original|facture liee|reference|referenz)`,
  ),
  /** A document title that a number may follow directly ("Facture FA-2017-0010", "Rechnung Nr. 42"). */
  title: r(
    String.raw`^(\w+rechnung|rechnung|invoice|tax invoice|commercial invoice|facture|factura|fattura|fatura|factuur|avoir|gutschrift|credit note|nota de credito|nota di credito|receipt|quittung|recu|ricevuta|bon|faktura(\s*vat)?)\b`,
  ),
  invoiceDate: r(
    String.raw`\b(invoice|bill|billing|issue|tax point)\s*date|\bdate\s*(of\s*)?(issue|invoice|d'?emission|de (la )?factur(e|ation))|\bissued(\s*(on|at|date))?\b|` +
      String.raw`\b(rechnungs|beleg|ausstellungs|factuur)\s*-?\s*datum|\bdatum\s*(der\s*)?(rechnung|factuur)|\bfecha\s*(de\s*)?(la\s*)?(factura|emision|expedicion)|` +
      String.raw`\bdata\s*(della\s*|da\s*|de\s*)?(fattura|emissione|documento|fatura|emissao)|\bdata\s*wystawienia|\bfakturadatum|\bfakturadato|\bdate\b|\bdatum\b|\bfecha\b|\bdata\b|\bdated\b`,
  ),
  /** Dates that are not the invoice's date. */
  notInvoiceDate: r(
    String.raw`due|echeance|echeance|fallig|verval|vencim|scadenz|payment|paiement|zahlung|betaal|pago|pagamento|pay\b|payable|deliver|livraison|liefer|leistung|levering|entrega|consegna|order|bestell|commande|pedido|ordine|period|zeitraum|periode|periodo|from|until|bis\b|valid|gultig|print|druck|birth|geburt|start|end|ende|contract|mandat|signature`,
  ),
  dueDate: r(
    String.raw`\bdue\s*(date|on|by)?\b|\bdate\s*due|\bpayment\s*(due|date|deadline)|\bpay(able)?\s*(by|before|until|on)\b|\bremit\s*(by|until|before)|` +
      String.raw`\b(date\s*d'?)?echeance|\ba\s*payer\s*(avant|le|au plus tard)|\bdate\s*limite|\bpayable\s*(le|avant|au)|\bregler\s*(avant|le)|` +
      String.raw`\bfalligkeit(sdatum)?|\bfallig\s*(am|bis|zum)?|\bzahlbar\s*(bis|am)|\bzahlungsziel|\b(zahlen|uberweisen)\s*(sie\s*)?(bitte\s*)?(bis|spatestens)|\bnetto\s*bis\b|\bbis\s*zum\b|` +
      String.raw`\bverval\s*(datum|dag)|\buiterste\s*betaal\s*(datum|dag)|\b(te\s*)?betalen\s*(voor|uiterlijk|op)|` +
      String.raw`\bfecha\s*(de\s*)?vencimiento|\bvencimiento|\bvence\b|\bdata\s*(di\s*)?scadenza|\bscadenza|\bpagare\s*entro|\bdata\s*de\s*vencimento|\bvencimento|` +
      String.raw`\btermin\s*platnosci|\bforfallo\s*(datum|dag)|\bbetalingsfrist|\bforfaldsdato`,
  ),
  /** A due date that is only a cash-discount deadline ("3% Skonto bis 15.03."). */
  notDueDate: r(String.raw`skonto|escompte|discount|korting|descuento|sconto`),
  subtotal: r(
    String.raw`\bsub\s*-?\s*total|\b(total|amount|sum|summe|gesamt|montant|importe|totale|totaal|bedrag)\s*(net|netto|neto|ht|h\.t\.|excl|excluding|before tax|w/?o tax|without (tax|vat)|hors taxes?|sans tva|ohne (ust|mwst)|sin iva|senza iva|zonder btw|excl\.? btw|excl\.? (vat|tax))|` +
      String.raw`\bnet\s*(total|amount|value)|\b(netto|netto)\s*(betrag|summe|bedrag|totaal)|\bnettobetrag|\bsumme\s*netto|\bzwischensumme|\bwarenwert|\b(rechnungs|gesamt)summe\s*(ohne|exkl|netto)|\bpositionssumme|` +
      String.raw`\bsous\s*-?\s*total|\btotal\s*h\.?t\.?\b|\bmontant\s*h\.?t\.?|\bbase\s*(imponible|ht)|\bimponibile|\bsubtotaal|\bsubtotale|\btaxable\s*(amount|value)|\bamount\s*before\s*tax|\brazem\s*netto|\bwartosc\s*netto|\bsumma\s*exkl|\bnetto\b|\bnet\b|\bht\b`,
  ),
  tax: r(
    String.raw`\b(total|amount|sum|summe|gesamt|montant|importe|totale|totaal|bedrag)?\s*(vat|tva|tax|taxes|mwst|ust|btw|iva|gst|hst|pst|igv|sales tax|umsatzsteuer|mehrwertsteuer|steuer(betrag)?|imposta|impuestos?|imposto|moms|podatek)\b`,
  ),
  /** Rows that name a tax but carry another amount (a total including tax, a subtotal without it, a VAT number). */
  notTax: r(
    String.raw`incl|inkl|including|ttc|t\.t\.c|with (tax|vat)|y compris|brutto|gross|ohne|excl|exkl|hors|before|sans|sin\b|senza|zonder|w/o|without|basis|base\b|bemessung|taxable|imponible|imponibile|grondslag|(vat|tva|tax|ust|btw|iva|mwst)\s*-?\s*(id|no|nr|n°|number|nummer|reg|code|ident|numero|identification)|idnr|steuernummer|tax ?id|\bnif\b|\bcif\b|partita|registration|intracom|exempt|befreit|exonera|reverse|autoliquidation|steuerschuldnerschaft|\brate\b|\bsatz|steuersatz|\btaux|tarief|tasa|aliquota|total\s*(ht|net|excl)|(vat|tva|btw|iva|ust|mwst)\s*:?\s*[a-z]{2}\s?\d|capital|siret`,
  ),
  /** The invoice's total, tax included. */
  total: r(
    String.raw`\b(grand\s*total|invoice\s*total|total\s*(amount|incl\.?|including|inc\.?|ttc|t\.t\.c|tax incl|with (tax|vat)|\(incl|eur|usd|gbp|chf|invoice|factura|fattura|fatura|brutto|gross)|total\s*a\s*pagar|gesamt\s*-?\s*betrag|gesamtsumme|rechnungs\s*-?\s*(betrag|summe|total)|brutto\s*-?\s*(betrag|summe)|bruttosumme|endbetrag|endsumme|` +
      String.raw`montant\s*(total|ttc)|total\s*general|totaal\s*(incl|bedrag|factuur)?|totaalbedrag|factuurbedrag|importe\s*total|total\s*(de\s*la\s*)?factura|totale\s*(fattura|documento|ivato|complessivo|generale)?|importo\s*totale|valor\s*total|razem\s*brutto|wartosc\s*brutto|totalt|summa|total)\b|\bbrutto\b|\bgross\b|\bsumme\b`,
  ),
  /** What is left to pay: the total less what was paid already (equal to it when nothing was). */
  amountDue: r(
    String.raw`\b(amount|balance|total)\s*(due|payable|to pay|owing)|\bdue\s*payable|\bnet\s*a\s*payer|\b(solde|reste|montant)\s*a\s*payer|\ba\s*payer\b|\bzahlbetrag|\bzu\s*zahlen|\bzahlungsbetrag|\boffener\s*betrag|\bnoch\s*zu\s*zahlen|\bte\s*betalen|\bnog\s*te\s*betalen|\b(importe|total)\s*a\s*pagar|\bda\s*pagare|\bnetto\s*a\s*pagare|\bpay\s*this\s*amount|\bplease\s*pay|\bdo\s*zaplaty|\batt\s*betala|\bkvar\s*att\s*betala|\bat\s*betale`,
  ),
  /** A "Total …" that is not the invoice total. */
  notTotal: r(
    String.raw`sub\s*-?\s*total|sous\s*-?\s*total|zwischen|total\s*(ht|h\.t|net|excl|excluding|before|w/?o|without|hors|ohne|exkl|sin|senza|zonder|vat|tva|tax|taxes|mwst|ust|btw|iva|discount|remise|rabatt|qty|quantity|items|weight|gewicht|pages?|hours|stunden)\b|(summe|gesamt|totale?|totaal)\s*(netto|ohne|ust|mwst|iva|btw|imponibile)|netto|\bnet\b|\bht\b|positions|anzahlung|acompte|prepaid|paid|bezahlt|paye|deposit|erhalten|received|skonto|discount|rabatt|zuschl|abschl|basis|imponible|imponibile|per\s*page|page\s*total|carried|ubertrag|report|(vat|tva|tax|taxes|mwst|ust|btw|iva|steuer)\s*-?\s*(total|gesamt|summe|betrag)`,
  ),
  iban: r(String.raw`\biban\b`),
  /** An account that is the customer's (the invoice is paid by direct debit from it), not the vendor's. */
  customerAccount: r(
    String.raw`abgebucht|lastschrift|einzug|debit(ed)?\b|direct debit|prelev|mandat|mandate|domiciliering|incasso|adeudo|domiciliacion|addebito|your account|ihr konto|votre compte|uw rekening|su cuenta|vostro conto|payer|debtor|zahlungspflichtig`,
  ),
  vat: r(
    String.raw`\b(vat|tva|btw|iva|gst|mwst|ust|uid|moms|dph|ddv|pdv|alv|fpa|nipt|nip|nif|cif|p\.?\s?iva|partita iva|codice fiscale)\s*(-|\.|\s)*(id|no\b|no\.|nr\.?|n°|number|nummer|numero|num|reg(istration)?\.?( no\.?| number)?|code|ident(ifi(cation|kations)?)?|-?idnr|-?id\.?-?nr|intracom(munautaire)?|#)?|\b(ust|umsatzsteuer)\s*-?\s*(id|identifikations)|\bsteuer\s*-?\s*id|\bvat\b|\btva\b|\bbtw\b|\bondernemingsnummer|\bnumero de tva|\bn° tva|\btax\s*id|\bsiren\b|\bvat\s*reg|\bnip\b|\bmomsreg|\bvat-?nr|\borg\.?\s*nr`,
  ),
  /** A VAT number label that names the customer's number. */
  customerVat: r(
    String.raw`(client|customer|kunden?s?|klant|cliente|acheteur|buyer|your|votre|ihre?|uw|su|vostra|destinataire|recipient|empfanger|afnemer|koper)\s*(vat|tva|btw|iva|ust|mwst|nif|cif|nip|n°|no|nr|number)|(vat|tva|btw|iva|ust|nif|cif|nip|p\.?\s?iva)\s*(-|\s)*(id\s*)?(no\.?|nr\.?|n°|number|-?nr)?\s*(du\s*|del\s*)?(client|customer|kunden?|klant|cliente|acheteur|buyer|destinataire|nabywcy|kund)`,
  ),
  currency: r(String.raw`(currency|devise|wahrung|valuta|moneda|divisa|moeda|betrage in|montants en|amounts in|importes en)\b`),
  /** A block that introduces the customer: what follows is not the vendor. */
  buyerHeading: r(
    String.raw`^(bill(ed)?\s*to|invoice(d)?\s*to|sold\s*to|ship(ped)?\s*to|deliver(y|ed)?\s*(to|address)|customer|client|recipient|buyer|purchaser|to\b|attn|attention|` +
      String.raw`factur(e|ee)?\s*a|adresse\s*de\s*(facturation|livraison)|livr(e|ee|aison)\s*a|destinataire|acheteur|` +
      String.raw`rechnungs\s*-?\s*(empfanger|adresse|anschrift)|liefer\s*-?\s*(adresse|anschrift)|leistungsempfanger|kaufer|kunde|empfanger|warenempfanger|z\.?\s*hd|an\b|` +
      String.raw`factuur\s*-?\s*adres|factureren\s*aan|afleveradres|aflever|leveradres|klant|geadresseerde|aan\b|` +
      String.raw`factura(r)?\s*a|facturado\s*a|cliente|destinatario|enviar\s*a|direccion\s*de\s*(entrega|envio|facturacion)|intestat|spett|indirizzo\s*di\s*(consegna|fatturazione)|` +
      String.raw`faturar\s*a|morada|nabywca|odbiorca|kund|fakturaadress|leveransadress)\b`,
  ),
  /** A block that introduces the vendor. */
  sellerHeading: r(
    String.raw`^(from|seller|vendor|supplier|sold\s*by|issued\s*by|billed\s*by|bill\s*from|invoice\s*from|remit\s*to|payee|verkaufer|lieferant|rechnungs\s*-?\s*(steller|ersteller|aussteller)|absender|leistungserbringer|` +
      String.raw`fournisseur|vendeur|emetteur|prestataire|vendu\s*par|leverancier|verkoper|afzender|proveedor|vendedor|emisor|fornitore|venditore|cedente|mittente|fornecedor|sprzedawca|wystawca|saljare|leverantor)\b`,
  ),
  /** Lines of a vendor's legal footer: the company named beside them is the vendor. */
  legal: r(
    String.raw`geschaftsfuhr|handelsregister|registergericht|amtsgericht|\bhrb\b|\bhra\b|\bsiret\b|\bsiren\b|\brcs\b|\bape\b|\bnaf\b|capital\s*(social\s*)?de|au capital|\bkvk\b|kamer van koophandel|registered in|registered office|company (no|number|registration)|companies house|\brea\b|capitale sociale|registro (mercantil|imprese)|inscrita|\bcif\b|\bnif\b|\bp\.?\s?iva\b|steuernummer|ust-?id|vat (reg|no|number)|\biban\b|\bbic\b|\bswift\b`,
  ),
  /** Table column headings of invoice lines. */
  lineDescription: r(String.raw`^(description|designation|libelle|article|artikel|bezeichnung|beschreibung|leistung|omschrijving|descripcion|concepto|descrizione|descricao|item|product|produkt|produit|prodotto|producto|service|position|details|particulars)`),
  lineQuantity: r(String.raw`^(qty|quantity|quantite|qte|menge|anzahl|anz|aantal|cantidad|cant|quantita|qta|quantidade|qtd|units?|stk|stuck|hours|heures|stunden)\b`),
  lineUnitPrice: r(String.raw`(unit\s*price|price|rate|prix|p\.?\s?u\.?|einzel|preis|stuckpreis|prijs|precio|prezzo|preco|tarif|unit cost|net price|nettopreis)`),
  lineVat: r(String.raw`^(vat|tva|btw|iva|mwst|ust|tax|steuer|gst)\b`),
  lineAmount: r(String.raw`(amount|total|montant|betrag|gesamt|bedrag|importe|importo|valor|line total|net|netto|prix ht|total ht)`),
  /** Rows that end a table of lines. */
  linesEnd: r(String.raw`^(sub\s*-?\s*total|total|summe|zwischensumme|gesamt|sous\s*-?\s*total|subtotaal|totaal|subtotal|totale|importe|base\s*imponible|imponibile|net\s*total|nettobetrag|rechnungssumme|positionssumme|warenwert|montant|betrag|netto|brutto|ust|mwst|vat|tva|iva|btw|tax|razem|summa)\b`),
} as const;

/** Legal forms that end a company name. Short upper-case ones (SA, AB, AS) only count in capitals. */
export const LEGAL_FORM =
  /(?:\b(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|mbH|e\.\s?K\.|S\.?\s?à\s?r\.?\s?l\.?|S\.?A\.?R\.?L\.?|SAS|SASU|EURL|SNC|SCI|SCOP|SPRL|BVBA|SRL|S\.?r\.?l\.?|S\.?p\.?A\.?|S\.?L\.?U?\.?|S\.?A\.?U\.?|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|Inc\.?|Incorporated|Corp\.?|Corporation|Company|plc|PLC|Pty\.?(?:\s*Ltd\.?)?|Lda\.?|Ltda\.?|Oyj?|ApS|A\/S|ASA|sp\.\s?z\s?o\.?\s?o\.?|s\.\s?r\.\s?o\.?|a\.\s?s\.|Kft\.?|Zrt\.?|Nyrt\.?|d\.\s?o\.\s?o\.?|Sagl|Sàrl|OÜ|SIA|UAB|ehf\.?|B\.V\.|N\.V\.|V\.O\.F\.|C\.V\.)|\b(?:AG|KG|OHG|UG|GbR|SE|SA|S\.A\.|NV|BV|AB|AS|Oy|VOF|CV|SL|KGaA|eG|e\.V\.))(?=$|[\s,.;:)|•·-])/;

/** The same, case-blind, for the long forms a name may print in capitals ("MUSTER GMBH", "ACME LTD"). */
export const LEGAL_FORM_ANY_CASE = /\b(?:gmbh|mbh|sarl|s\.a\.r\.l|ltd|limited|llc|inc|corp|corporation|s\.p\.a|s\.r\.l|b\.v|n\.v|bvba|sprl|plc|srl|sas|gbr|kgaa)\.?(?=$|[\s,.;:)|•·-])/i;
